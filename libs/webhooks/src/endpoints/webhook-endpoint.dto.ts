import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { EVENT_TYPES, type EventType, IsOmittable } from '@vafa/platform';
import { DISABLED_REASONS, type DisabledReason } from './webhook-endpoint.entity';
import { WEBHOOK_URL_MAX_LENGTH } from './webhook-url';

const URL_DOC = {
  example: 'https://shop.example.com/hooks/vafa',
  maxLength: WEBHOOK_URL_MAX_LENGTH,
  description:
    'Absolute https URL without credentials (http too when VAFA_WEBHOOK_ALLOW_HTTP=true). ' +
    'Private, loopback and link-local addresses are refused when connecting unless listed in ' +
    'VAFA_WEBHOOK_ALLOWED_HOSTS.',
};

const EVENT_TYPES_DOC = {
  enum: EVENT_TYPES,
  isArray: true,
  example: ['points.earned', 'campaign.gift_granted'],
  description: 'The event types sent to this endpoint; empty or absent means every type',
};

export class CreateWebhookEndpointDto {
  @ApiProperty(URL_DOC)
  @IsString()
  @IsNotEmpty()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url!: string;

  @ApiPropertyOptional(EVENT_TYPES_DOC)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  eventTypes?: EventType[] | null;

  @ApiPropertyOptional({
    type: String,
    example: 'Warehouse: ship gifts',
    maxLength: 500,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

export class PatchWebhookEndpointDto {
  @ApiPropertyOptional(URL_DOC)
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url?: string;

  @ApiPropertyOptional(EVENT_TYPES_DOC)
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  eventTypes?: EventType[];

  @ApiPropertyOptional({
    type: String,
    example: 'Warehouse: ship gifts',
    maxLength: 500,
    nullable: true,
    description: 'null clears it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({
    example: true,
    description:
      'false pauses deliveries (they wait, pending); true resumes them and forgets past failures',
  })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid', example: '3d1f2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' })
  id!: string;

  @ApiProperty({ example: 'https://shop.example.com/hooks/vafa' })
  url!: string;

  @ApiProperty({ ...EVENT_TYPES_DOC, description: 'Empty means every event type' })
  eventTypes!: EventType[];

  @ApiProperty({ type: String, nullable: true, example: 'Warehouse: ship gifts' })
  description!: string | null;

  @ApiProperty({ example: true })
  enabled!: boolean;

  @ApiProperty({
    enum: DISABLED_REASONS,
    nullable: true,
    example: null,
    description:
      'Why it is disabled: `manual` (PATCH), `gone` (it answered 410), `failing` (every ' +
      'attempt failed for 5 days)',
  })
  disabledReason!: DisabledReason | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'Since when every attempt has failed; null after a success',
  })
  failingSince!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'Until when the secret before the last rotation still signs beside the current',
  })
  previousSecretExpiresAt!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-05-01T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-05-01T10:00:00.000Z' })
  updatedAt!: string;
}

export class CreatedWebhookEndpointDto extends WebhookEndpointDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw+dGXk3b1A8o=',
    description: 'The signing secret, shown only now: keep it where the receiver can read it',
  })
  secret!: string;
}

export class WebhookEndpointPageDto {
  @ApiProperty({ type: [WebhookEndpointDto] })
  items!: WebhookEndpointDto[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}

export class RotatedSecretDto {
  @ApiProperty({
    example: 'whsec_Kx0PpM3V1bJ2n8mQd9sT4yZc7rW5uE6aHfLgNiOjSk0=',
    description: 'The new signing secret, shown only now',
  })
  secret!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-05-02T10:00:00.000Z',
    description: 'Until then deliveries carry a signature by the old secret too',
  })
  previousSecretExpiresAt!: string;
}

export class QueuedDeliveryDto {
  @ApiProperty({
    format: 'uuid',
    example: '01a22bb8-d3c0-727f-be94-30225237b533',
    description: 'The event (the webhook-id header)',
  })
  eventId!: string;

  @ApiProperty({
    format: 'uuid',
    example: '9a102c43-7079-48c5-9128-6fae95162b17',
    description: 'The delivery; see GET .../deliveries',
  })
  deliveryId!: string;
}
