import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@vafa/platform';
import { DELIVERY_STATUSES, type DeliveryStatus } from './webhook-delivery.entity';

export class DeliveryListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, example: 'failed' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class DeliveryAttemptDto {
  @ApiProperty({ format: 'date-time', example: '2026-05-01T10:00:00.120Z' })
  at!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 500,
    description: 'The HTTP status; null when no answer came',
  })
  statusCode!: number | null;

  @ApiProperty({ example: 84 })
  durationMs!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'HTTP 500',
    description: 'Why it failed (a status, a timeout, a refused address …); null on success',
  })
  error!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '{"error":"database down"}',
    description: 'The first KB of the response body',
  })
  responseExcerpt!: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', example: '9a102c43-7079-48c5-9128-6fae95162b17' })
  id!: string;

  @ApiProperty({
    format: 'uuid',
    example: '01a22bb8-d3c0-727f-be94-30225237b533',
    description: 'The event, sent as the webhook-id header',
  })
  eventId!: string;

  @ApiProperty({ example: 'points.earned' })
  eventType!: string;

  @ApiProperty({
    enum: DELIVERY_STATUSES,
    example: 'pending',
    description: '`pending` until an attempt succeeds (`succeeded`) or the retries run out',
  })
  status!: DeliveryStatus;

  @ApiProperty({ example: 2 })
  attemptCount!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-05-01T10:05:00.000Z',
    description: 'When the next attempt is due; null once succeeded or failed',
  })
  nextAttemptAt!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-05-01T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ type: [DeliveryAttemptDto], description: 'Oldest first' })
  attempts!: DeliveryAttemptDto[];
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto], description: 'Newest first' })
  items!: WebhookDeliveryDto[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}
