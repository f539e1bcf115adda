import { ApiProperty } from '@nestjs/swagger';
import { InsightModelDto } from './insights.dto';

export const CLV_MODEL_STATUSES = ['fitted', 'not_fitted', 'insufficient_history'] as const;
export type ClvModelStatus = (typeof CLV_MODEL_STATUSES)[number];

export class ClvBucketDto {
  @ApiProperty({ example: 500, description: 'Predicted CLV from (inclusive), minor units' })
  from!: number;
  @ApiProperty({
    example: 1000,
    nullable: true,
    type: Number,
    description: 'Up to (exclusive), minor units; null for the open-ended last bucket',
  })
  to!: number | null;
  @ApiProperty({ example: 310 }) members!: number;
}

export class ClvReportDto {
  @ApiProperty({
    enum: CLV_MODEL_STATUSES,
    example: 'fitted',
    description:
      '`fitted`: a model scores the members. `insufficient_history`: no model, and fewer ' +
      'customers or repeat buyers than a fit needs at the least. `not_fitted`: no model yet, ' +
      'though the history is enough to try one',
  })
  status!: ClvModelStatus;
  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description:
      'What is needed, in a sentence, when not fitted (e.g. "At least 20 customers with ' +
      'purchases, 10 of them with a repeat purchase, are needed; there are 12, 3 of them with ' +
      'a repeat purchase."); null when fitted',
  })
  need!: string | null;
  @ApiProperty({
    type: InsightModelDto,
    nullable: true,
    description: 'The latest model: fitted when, on how many customers, its parameters',
  })
  model!: InsightModelDto | null;
  @ApiProperty({ example: 'USD', description: 'Of every amount in the histogram' })
  currency!: string;
  @ApiProperty({ example: 365, description: 'The CLV horizon' }) horizonDays!: number;
  @ApiProperty({ example: 2357, description: 'Members scored by the latest model' })
  members!: number;
  @ApiProperty({
    type: [ClvBucketDto],
    description:
      "Members by predicted CLV (discounted spend over horizonDays, minor units of the program's " +
      'currency). Equal-width buckets from 0 up to the 99th percentile, then one open-ended ' +
      'bucket (to: null) for the rest: the width is the smallest round number (1, 2, 2.5 or 5 ' +
      'times a power of ten) that reaches the 99th percentile in at most 10 buckets, so there ' +
      'are 5 to 10 of them before the open one. Empty when not fitted.',
    example: [
      { from: 0, to: 5000, members: 1510 },
      { from: 5000, to: 10000, members: 420 },
      { from: 10000, to: null, members: 27 },
    ],
  })
  histogram!: ClvBucketDto[];
}
