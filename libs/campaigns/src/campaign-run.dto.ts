import { ApiProperty } from '@nestjs/swagger';

export class RunWarningDto {
  @ApiProperty({
    enum: ['HOLDOUT_EMPTY', 'HOLDOUT_TOO_SMALL', 'CLV_NOT_AVAILABLE'],
    example: 'HOLDOUT_EMPTY',
  })
  code!: string;

  @ApiProperty({
    example:
      "No one was assigned to the holdout: 10% of 5 eligible members rounds down to 0, so this run's uplift cannot be measured. A holdout of 2 needs at least 20 eligible members at 10%.",
  })
  message!: string;
}

export class BudgetLeftDto {
  @ApiProperty({ type: Number, nullable: true, example: 0 })
  grantsThisRun!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 0 })
  points!: number | null;
}

export class RunResultDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '1c2d...',
    description: 'Null for a dry run',
  })
  runId!: string | null;

  @ApiProperty({ example: false })
  dryRun!: boolean;

  @ApiProperty({ example: 4700 })
  eligible!: number;

  @ApiProperty({ example: 470, description: 'floor(eligible × holdoutPercent / 100)' })
  holdout!: number;

  @ApiProperty({ example: 1000 })
  granted!: number;

  @ApiProperty({ example: 3230 })
  skipped!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { chance: 2900, budget: 330 },
    description: 'chance, cooldown, budget, reward_out_of_stock, reward_not_found',
  })
  skippedReasons!: Record<string, number>;

  @ApiProperty({ type: BudgetLeftDto })
  budgetLeft!: BudgetLeftDto;

  @ApiProperty({
    example: 50000,
    description: 'Points the run grants: granted × the gift points (a reward or perk gift: 0)',
  })
  pointsCost!: number;

  @ApiProperty({
    enum: ['clv', 'spend'],
    nullable: true,
    example: 'clv',
    description:
      'What top_clv_percent ranked by: clv (the latest model), spend (no model yet: net spend ' +
      'over the last 365 days, ties by most recent purchase), null without such a criterion',
  })
  valueBasis!: 'clv' | 'spend' | null;

  @ApiProperty({ type: [RunWarningDto] })
  warnings!: RunWarningDto[];
}
