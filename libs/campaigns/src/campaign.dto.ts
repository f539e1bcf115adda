import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { plainToInstance, Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  BIGINT_MAX,
  INT_MAX,
  IsNestedObject,
  IsNestedObjectArray,
  MaxDecimalPlaces,
  ReadOnlyFields,
} from '@vafa/platform';
import { AUDIENCE_SEGMENTS, AudienceSegment } from './campaign.entity';

export class AudienceParamsDto {
  @ApiPropertyOptional({
    example: 20,
    description: 'top_clv_percent: the top share of members by predicted CLV',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  @Min(0.01)
  @Max(100)
  percent?: number;

  @ApiPropertyOptional({ example: ['champions', 'loyal'], description: 'rfm_segment' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  segments?: string[];

  @ApiPropertyOptional({ example: ['gold'], description: 'tier' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  tiers?: string[];

  @ApiPropertyOptional({
    example: 60,
    description: 'inactive_days: no purchase for this many days',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;
}

export class AudienceCriterionDto {
  @ApiProperty({ enum: AUDIENCE_SEGMENTS, example: 'top_clv_percent' })
  @IsIn(AUDIENCE_SEGMENTS)
  segment!: AudienceSegment;

  @ApiPropertyOptional({ type: AudienceParamsDto, example: { percent: 20 } })
  @IsOptional()
  @IsNestedObject(() => AudienceParamsDto)
  params?: AudienceParamsDto;
}

export class AudienceDto extends AudienceCriterionDto {
  @ApiPropertyOptional({
    type: [AudienceCriterionDto],
    description: 'More criteria that must all hold too',
    example: [{ segment: 'tier', params: { tiers: ['gold'] } }],
  })
  @IsOptional()
  @IsNestedObjectArray(() => AudienceCriterionDto)
  @ArrayMaxSize(10)
  and?: AudienceCriterionDto[];
}

export class GiftDto {
  @ApiProperty({ enum: ['points', 'reward', 'perk'], example: 'points' })
  @IsIn(['points', 'reward', 'perk'])
  type!: 'points' | 'reward' | 'perk';

  @ApiPropertyOptional({ example: 500, description: 'For points gifts' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  points?: number;

  @ApiPropertyOptional({
    example: '0b7c...',
    description: 'For reward and perk gifts: the catalog reward to issue free',
  })
  @IsOptional()
  @IsUUID()
  rewardId?: string;
}

export class BudgetDto {
  @ApiPropertyOptional({ example: 1000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT_MAX)
  maxGrantsPerRun?: number;

  @ApiPropertyOptional({ example: 500000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(BIGINT_MAX)
  maxPointsTotal?: number;
}

/**
 * GET shows the audience as the list of criteria that must all hold; PUT takes that list too,
 * as the first criterion with the rest under `and`. Anything else is left for validation.
 */
function audienceFrom(raw: unknown): unknown {
  const shaped: unknown = !Array.isArray(raw)
    ? raw
    : raw.length > 1
      ? { ...(raw[0] as object), and: raw.slice(1) as unknown[] }
      : (raw[0] as unknown);
  return typeof shaped === 'object' && shaped !== null && !Array.isArray(shaped)
    ? plainToInstance(AudienceDto, shaped)
    : shaped;
}

/** POST and PUT: the whole campaign. PUT takes back what GET answers (its read-only fields ignored). */
@ReadOnlyFields('id', 'pointsGranted', 'createdAt')
export class CampaignDto {
  @ApiProperty({ example: 'Thank our champions' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: '0 10 * * 1', description: 'Cron, in the program time zone' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  schedule?: string;

  @ApiProperty({
    type: AudienceDto,
    description: 'Also accepted as the list of criteria that GET returns',
  })
  @IsDefined()
  @Transform(({ obj }) => audienceFrom((obj as { audience?: unknown }).audience), {
    toClassOnly: true,
  })
  @IsObject()
  @ValidateNested()
  audience!: AudienceDto;

  @ApiProperty({ type: GiftDto })
  @IsDefined()
  @IsNestedObject(() => GiftDto)
  gift!: GiftDto;

  @ApiPropertyOptional({
    example: 0.3,
    description: 'Chance an eligible member is surprised',
    default: 1,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(4)
  @Min(0.0001)
  @Max(1)
  probability?: number;

  @ApiPropertyOptional({ example: 30, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  cooldownDays?: number;

  @ApiPropertyOptional({
    example: 10,
    default: 0,
    description: 'A random control group that gets nothing',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(90)
  holdoutPercent?: number;

  @ApiPropertyOptional({ type: BudgetDto })
  @IsOptional()
  @IsNestedObject(() => BudgetDto)
  budget?: BudgetDto;

  @ApiPropertyOptional({ example: 30, default: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  followUpDays?: number;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  activeFrom?: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  activeUntil?: string;
}

/** PATCH: the fields named replace the current ones; the result must be a valid campaign. */
@ReadOnlyFields('id', 'pointsGranted', 'createdAt')
export class PatchCampaignDto extends PartialType(CampaignDto) {}

export class RunCampaignDto {
  @ApiPropertyOptional({
    example: true,
    description: 'Count who would be granted, writing nothing',
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
