import { ApiProperty } from '@nestjs/swagger';

export class ComparisonDto {
  @ApiProperty({ example: 1.3 })
  treated!: number;

  @ApiProperty({ example: 1.1 })
  holdout!: number;

  @ApiProperty({ example: 0.2 })
  uplift!: number;

  @ApiProperty({
    type: [Number],
    nullable: true,
    example: [0.05, 0.35],
    description: "95% CI (Welch's normal approximation); null below 2 members in a group",
  })
  ci95!: [number, number] | null;
}

export class MinimumDetectableEffectDto {
  @ApiProperty({ enum: ['observed', 'baseline'], example: 'baseline' })
  basis!: 'observed' | 'baseline';

  @ApiProperty({ example: 0.32, description: 'The purchase rate p in s = √(p(1-p))' })
  purchaseRateAssumed!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.09,
    description: 'Difference in the share of members who purchase; null when a group is empty',
  })
  purchaseRate!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 850,
    description: 'Difference in spend per member (minor units); null before follow-up data',
  })
  spendPerMember!: number | null;
}

export class CampaignRunResultsDto {
  @ApiProperty({ example: '1c2d...' })
  runId!: string;

  @ApiProperty({ example: '2027-02-01T00:00:00.000Z' })
  startedAt!: string;

  @ApiProperty({ example: 'completed' })
  status!: string;

  @ApiProperty({ example: 'manual' })
  trigger!: string;

  @ApiProperty({ example: 4700 })
  eligible!: number;

  @ApiProperty({ example: 1000 })
  treated!: number;

  @ApiProperty({ example: 470 })
  holdout!: number;

  @ApiProperty({ example: 3230 })
  skipped!: number;

  @ApiProperty({ enum: ['clv', 'spend'], nullable: true, example: 'clv' })
  valueBasis!: 'clv' | 'spend' | null;

  @ApiProperty({
    example: true,
    description:
      'Both groups have at least 2 members and the detectable purchase-rate difference is below 1 − p (the largest uplift possible)',
  })
  measurable!: boolean;

  @ApiProperty({ type: MinimumDetectableEffectDto })
  minimumDetectableEffect!: MinimumDetectableEffectDto;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Why uplift cannot be measured, when it cannot',
  })
  powerNote!: string | null;

  @ApiProperty({ example: '2027-03-03T00:00:00.000Z' })
  followUpEndsAt!: string;

  @ApiProperty({ example: false })
  followUpComplete!: boolean;

  @ApiProperty({ type: ComparisonDto, nullable: true, description: 'Null until follow-up ends' })
  purchasesPerMember!: ComparisonDto | null;

  @ApiProperty({ type: ComparisonDto, nullable: true, description: 'Null until follow-up ends' })
  spendPerMember!: ComparisonDto | null;
}

export class CampaignResultsDto {
  @ApiProperty({ example: '7d1e...' })
  campaignId!: string;

  @ApiProperty({ example: 30 })
  followUpDays!: number;

  @ApiProperty({ type: [CampaignRunResultsDto], description: 'Newest first, at most 100' })
  runs!: CampaignRunResultsDto[];
}
