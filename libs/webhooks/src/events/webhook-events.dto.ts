import { ApiProperty } from '@nestjs/swagger';
import { EventData } from '@vafa/platform';
import { DISABLED_REASONS, type DisabledReason } from '../endpoints/webhook-endpoint.entity';

@EventData('webhook.test')
export class WebhookTestEventData {
  @ApiProperty({
    format: 'uuid',
    description: 'The endpoint the test was sent to (it goes to no other)',
    example: '3d1f2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11',
  })
  endpointId!: string;

  @ApiProperty({ example: 'A test event sent from Vafa.' })
  message!: string;
}

@EventData('webhook_endpoint.disabled')
export class WebhookEndpointDisabledEventData {
  @ApiProperty({ format: 'uuid', example: '3d1f2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' })
  endpointId!: string;

  @ApiProperty({ example: 'https://shop.example.com/hooks/vafa' })
  url!: string;

  @ApiProperty({
    enum: DISABLED_REASONS.filter((r) => r !== 'manual'),
    description: '`gone`: it answered 410 Gone; `failing`: every attempt failed for 5 days',
    example: 'failing',
  })
  reason!: Exclude<DisabledReason, 'manual'>;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Since when every attempt had failed',
    example: '2026-05-01T10:00:00.000Z',
  })
  failingSince!: string | null;
}
