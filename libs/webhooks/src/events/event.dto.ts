import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { EventEnvelope } from './event-envelope';
import { EVENT_TYPES, type EventType, IsDateOrDateTime, PageQuery } from '@vafa/platform';

export class EventListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EVENT_TYPES, example: 'points.earned' })
  @IsOptional()
  @IsIn(EVENT_TYPES)
  type?: EventType;

  @ApiPropertyOptional({
    example: '2026-05-01T00:00:00Z',
    description:
      'Only events written at or after this instant (a date means its start, UTC). Events are ' +
      'kept for VAFA_EVENT_RETENTION_DAYS (at least 30).',
  })
  @IsOptional()
  @IsDateOrDateTime()
  since?: string;
}

export class EventPageDto {
  @ApiProperty({
    type: 'array',
    items: { $ref: '#/components/schemas/EventDto' },
    description: 'Oldest first, as a receiver replays them',
  })
  items!: EventEnvelope[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'WyI3NzIxIiwiMDFhMjJiYjgtZDNjMC03MjdmLWJlOTQtMzAyMjUyMzdiNTMzIl0',
    description:
      'The next page, or null when there is no more for now. To follow along, repeat later ' +
      'the request that gave the last page: it lists that page again (deduplicate on id) ' +
      'and what was added since',
  })
  nextCursor!: string | null;
}

export class DeleteOldEventsResultDto {
  @ApiProperty({ example: true, description: 'false when another instance is already running it' })
  ran!: boolean;

  @ApiPropertyOptional({ example: 1200, description: 'Events deleted (with their deliveries)' })
  deleted?: number;
}
