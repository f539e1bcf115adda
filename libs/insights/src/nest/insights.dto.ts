import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOrDateTime, IsOmittable, PageQuery } from '@vafa/platform';
import { RFM_SEGMENTS } from '../rfm-segments';

export class FitModelDto {
  @ApiPropertyOptional({
    example: '1997-09-30',
    description:
      'Fit on purchases up to this instant (a date means the end of that UTC day); default now. ' +
      'Recency and age are measured to this day.',
  })
  @IsOmittable()
  @IsDateOrDateTime()
  asOf?: string;
}

export class BgNbdParamsDto {
  @ApiProperty({ example: 0.243 }) r!: number;
  @ApiProperty({ example: 4.414, description: 'Rate of the purchase-rate Gamma, per week' })
  alpha!: number;
  @ApiProperty({ example: 0.793 }) a!: number;
  @ApiProperty({ example: 2.426 }) b!: number;
  @ApiProperty({ example: -9582.4 }) logLikelihood!: number;
}

export class GammaGammaParamsDto {
  @ApiProperty({ example: 6.25 }) p!: number;
  @ApiProperty({ example: 3.74 }) q!: number;
  @ApiProperty({ example: 1544, description: 'In minor units' }) gamma!: number;
  @ApiProperty({ example: -4036.7 }) logLikelihood!: number;
}

export class InsightModelDto {
  @ApiProperty({ example: '2f0c8a4e-4b4e-4a57-9a53-3f1e0b5c2d10' }) id!: string;
  @ApiProperty({ type: BgNbdParamsDto, description: 'BG/NBD purchase model, time in weeks' })
  bgnbd!: BgNbdParamsDto;
  @ApiProperty({ type: GammaGammaParamsDto, description: 'Gamma-Gamma spend model' })
  gammaGamma!: GammaGammaParamsDto;
  @ApiProperty({ example: 2357, description: 'Members with purchases the models were fitted on' })
  customers!: number;
  @ApiProperty({ example: '2026-05-01T02:00:00.000Z' }) fittedAt!: string;
  @ApiProperty({ example: '1997-09-30T23:59:59.999Z', description: 'Purchases up to here' })
  asOf!: string;
}

export class InsightModelPageDto {
  @ApiProperty({ type: [InsightModelDto] }) items!: InsightModelDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class InsightModelListQuery extends PageQuery {}

export class RefreshResultDto {
  @ApiProperty({ example: true, description: 'false when another instance is already fitting' })
  ran!: boolean;
  @ApiPropertyOptional({ type: InsightModelDto }) model?: InsightModelDto;
}

export class RfmDto {
  @ApiProperty({ example: 12, description: 'Days from the last purchase day to asOf' })
  recency!: number;
  @ApiProperty({ example: 3, description: 'Repeat purchases (purchase days - 1)' })
  frequency!: number;
  @ApiProperty({ example: 3520, description: 'Mean repeat purchase, minor units' })
  monetary!: number;
  @ApiProperty({ example: '545', description: 'R, F and M quintile scores (1-5)' })
  score!: string;
  @ApiProperty({ enum: RFM_SEGMENTS, example: 'champions' }) segment!: string;
  @ApiProperty({ example: 5 }) recencyScore!: number;
  @ApiProperty({ example: 4 }) frequencyScore!: number;
  @ApiProperty({ example: 5 }) monetaryScore!: number;
}

export class ClvDto {
  @ApiProperty({ example: 1.84, description: 'Expected purchases within the horizon' })
  expectedPurchases!: number;
  @ApiProperty({ example: 0.91, description: 'Probability the member is still active' })
  pAlive!: number;
  @ApiProperty({ example: 3410, description: 'Expected value of each purchase, minor units' })
  expectedSpend!: number;
  @ApiProperty({ example: 6020, description: 'Discounted expected spend, minor units' })
  value!: number;
  @ApiProperty({ example: 365 }) horizonDays!: number;
}

export class MemberInsightsDto {
  @ApiProperty({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' }) memberId!: string;
  @ApiProperty({ example: '2f0c8a4e-4b4e-4a57-9a53-3f1e0b5c2d10' }) modelId!: string;
  @ApiProperty({ example: '1997-09-30T23:59:59.999Z' }) asOf!: string;
  @ApiProperty({ example: '2026-05-01T02:00:03.000Z' }) scoredAt!: string;
  @ApiProperty({ type: RfmDto }) rfm!: RfmDto;
  @ApiProperty({ type: ClvDto }) clv!: ClvDto;
}

export class ParetoBucketDto {
  @ApiProperty({ example: 20 }) topPercent!: number;
  @ApiProperty({ example: 200, description: 'ceil(members × topPercent / 100)' })
  members!: number;
  @ApiProperty({ example: 6100000, description: 'Minor units, net of returns' }) revenue!: number;
  @ApiProperty({ example: 0.61 }) revenueShare!: number;
}

export class ParetoCurvePointDto {
  @ApiProperty({ example: 0.2, description: 'The top share of members, ranked by revenue' })
  memberShare!: number;
  @ApiProperty({ example: 0.61, description: 'Their share of the revenue' })
  revenueShare!: number;
}

export class ParetoReportDto {
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2027-01-01T00:00:00.000Z', description: 'Exclusive end' }) to!: string;
  @ApiProperty({ example: 1000, description: 'Members who bought in the period' }) members!: number;
  @ApiProperty({ example: 10000000, description: 'Minor units, net of returns' }) revenue!: number;
  @ApiProperty({
    type: [ParetoBucketDto],
    example: [
      { topPercent: 1, members: 10, revenue: 900000, revenueShare: 0.09 },
      { topPercent: 5, members: 50, revenue: 2900000, revenueShare: 0.29 },
      { topPercent: 10, members: 100, revenue: 4300000, revenueShare: 0.43 },
      { topPercent: 20, members: 200, revenue: 6100000, revenueShare: 0.61 },
      { topPercent: 50, members: 500, revenue: 8800000, revenueShare: 0.88 },
    ],
  })
  buckets!: ParetoBucketDto[];
  @ApiProperty({
    type: [ParetoCurvePointDto],
    description:
      'The concentration curve: at member shares 0, 0.01, 0.02, 0.05, then every 0.05 up to 1, ' +
      'the revenue share of the top ceil(members × memberShare) members (0 at 0, 1 at 1; all 0 ' +
      'when nobody bought)',
    example: [
      { memberShare: 0, revenueShare: 0 },
      { memberShare: 0.01, revenueShare: 0.09 },
      { memberShare: 0.02, revenueShare: 0.14 },
      { memberShare: 0.05, revenueShare: 0.29 },
      { memberShare: 0.1, revenueShare: 0.43 },
      { memberShare: 1, revenueShare: 1 },
    ],
  })
  curve!: ParetoCurvePointDto[];
}
