import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsNestedObject, MaxDecimalPlaces, ReadOnlyFields } from '@vafa/platform';
import { TIER_METRICS, TierMetric } from './tier.entity';

export class TierQualificationDto {
  @ApiProperty({ enum: TIER_METRICS, example: 'spend' })
  @IsIn(TIER_METRICS)
  metric!: TierMetric;

  @ApiProperty({
    example: 100000,
    description: 'Points, or minor units of spend, within the window',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  threshold!: number;

  @ApiProperty({ example: 365 })
  @IsInt()
  @Min(1)
  @Max(3650)
  windowDays!: number;
}

export class TierBenefitsDto {
  @ApiPropertyOptional({ example: 1.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(4)
  @Min(1)
  @Max(100)
  pointsMultiplier?: number;

  @ApiPropertyOptional({ example: ['free_delivery', 'priority_service'], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  perks?: string[];
}

/** POST and PUT: the whole tier. PUT takes back what GET answers (`id` is ignored). */
@ReadOnlyFields('id')
export class TierDto {
  @ApiProperty({ example: 'gold' })
  @Matches(/^[a-z0-9_-]{1,40}$/, {
    message: 'code must be 1-40 lower-case letters, digits, _ or -',
  })
  code!: string;

  @ApiProperty({ example: 'Gold' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    example: 2,
    description: 'Higher is better; the lowest rank is every member’s start',
  })
  @IsInt()
  @Min(0)
  @Max(1000)
  rank!: number;

  @ApiProperty({ type: TierQualificationDto })
  @IsDefined()
  @IsNestedObject(() => TierQualificationDto)
  qualification!: TierQualificationDto;

  @ApiPropertyOptional({ type: TierBenefitsDto })
  @IsOptional()
  @IsNestedObject(() => TierBenefitsDto)
  benefits?: TierBenefitsDto;

  @ApiPropertyOptional({ example: 30, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  downgradeGraceDays?: number;
}

/** PATCH: only the fields named change; the result must still be a valid tier. */
@ReadOnlyFields('id')
export class PatchTierDto extends PartialType(TierDto) {}

/** A tier as GET answers it; PUT takes this back (`id` is ignored). */
export class TierViewDto {
  @ApiProperty({ example: '3f0b2c1d-7a4e-4b9f-8c2d-1e0f9a8b7c6d' }) id!: string;
  @ApiProperty({ example: 'gold' }) code!: string;
  @ApiProperty({ example: 'Gold' }) name!: string;
  @ApiProperty({ example: 2 }) rank!: number;
  @ApiProperty({ type: TierQualificationDto }) qualification!: TierQualificationDto;
  @ApiProperty({ type: TierBenefitsDto, description: 'Empty when the tier gives nothing extra' })
  benefits!: TierBenefitsDto;
  @ApiProperty({ example: 30 }) downgradeGraceDays!: number;
}

export class TierPageDto {
  @ApiProperty({ type: [TierViewDto] }) items!: TierViewDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class TierEvaluationResultDto {
  @ApiProperty({ example: true, description: 'false when another instance is already running it' })
  ran!: boolean;
  @ApiPropertyOptional({ example: 1200, description: 'Members evaluated' }) members?: number;
  @ApiPropertyOptional({ example: 3 }) upgraded?: number;
  @ApiPropertyOptional({ example: 1 }) downgraded?: number;
  @ApiPropertyOptional({
    example: 4,
    description: 'Members sent a `tier.downgrade_warning` (each downgrade day is warned of once)',
  })
  warned?: number;
}
