import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { IsNestedObject, MaxDecimalPlaces } from '@vafa/platform';
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

export const TIER_EXAMPLE = {
  id: '3f0b...',
  code: 'gold',
  name: 'Gold',
  rank: 2,
  qualification: { metric: 'spend', threshold: 100000, windowDays: 365 },
  benefits: { pointsMultiplier: 1.5, perks: ['free_delivery'] },
  downgradeGraceDays: 30,
};
