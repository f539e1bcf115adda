import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../http/pagination';
import { AUDIT_ACTOR_KINDS, type AuditActorKind } from './audit-actor';
import {
  AUDIT_ACTIONS,
  AUDIT_RESOURCE_TYPES,
  type AuditResourceType,
} from './audit-log.repository';

export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_RESOURCE_TYPES, example: 'tier' })
  @IsOptional()
  @IsIn(AUDIT_RESOURCE_TYPES)
  resourceType?: AuditResourceType;

  @ApiPropertyOptional({
    example: '5b0f7c8e-2f7a-4f4e-9d4c-3b1f0f6a9e21',
    description: 'The resource id (`program` and `referral_program` for the single settings)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  resourceId?: string;

  @ApiPropertyOptional({
    example: '0d6c5a35-8a8e-4d2e-bb0a-7a1f3c2d9e10',
    description: 'The API key or staff user that made the changes',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorId?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'From this instant on' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditActorDto {
  @ApiProperty({ enum: AUDIT_ACTOR_KINDS, example: 'api_key' })
  kind!: AuditActorKind;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0d6c5a35-8a8e-4d2e-bb0a-7a1f3c2d9e10',
    description: 'The API key or staff user id; null for the system',
  })
  id!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Marketing team' })
  name!: string | null;
}

export class AuditResourceDto {
  @ApiProperty({ enum: AUDIT_RESOURCE_TYPES, example: 'tier' })
  type!: string;

  @ApiProperty({ example: '5b0f7c8e-2f7a-4f4e-9d4c-3b1f0f6a9e21' })
  id!: string;
}

export class AuditEntryDto {
  @ApiProperty({ example: '9a1e4f0c-77d3-4b59-8f0e-2c6d1b3a4e5f' })
  id!: string;

  @ApiProperty({ example: '2026-11-30T09:15:02.417Z' })
  at!: string;

  @ApiProperty({ type: AuditActorDto })
  actor!: AuditActorDto;

  @ApiProperty({ enum: AUDIT_ACTIONS, example: 'update' })
  action!: string;

  @ApiProperty({ type: AuditResourceDto })
  resource!: AuditResourceDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The resource as its GET showed it before the change; null for a creation',
    example: { id: '5b0f7c8e-2f7a-4f4e-9d4c-3b1f0f6a9e21', code: 'gold', name: 'Gold', rank: 2 },
  })
  before!: Record<string, unknown> | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The resource as its GET shows it after the change; null for a deletion',
    example: { id: '5b0f7c8e-2f7a-4f4e-9d4c-3b1f0f6a9e21', code: 'gold', name: 'Gold+', rank: 2 },
  })
  after!: Record<string, unknown> | null;
}

export class AuditEntryPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}
