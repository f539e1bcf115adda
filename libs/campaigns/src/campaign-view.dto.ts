import { ApiProperty } from '@nestjs/swagger';
import { AudienceCriterionDto, GiftDto } from './campaign.dto';

export class BudgetViewDto {
  @ApiProperty({ type: 'integer', nullable: true, example: 1000, description: 'null: no limit' })
  maxGrantsPerRun!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 500000, description: 'null: no limit' })
  maxPointsTotal!: number | null;
}

/** A campaign as GET answers it; PUT takes this back (id, pointsGranted, createdAt are ignored). */
export class CampaignViewDto {
  @ApiProperty({ example: '7d1e4c2a-9b3f-4e6d-8a1c-2f0e9d8c7b6a' }) id!: string;
  @ApiProperty({ example: 'Thank our champions' }) name!: string;
  @ApiProperty({ example: true, description: 'false: a draft, or deleted' }) active!: boolean;
  @ApiProperty({ type: String, nullable: true, example: '0 10 * * 1' }) schedule!: string | null;
  @ApiProperty({
    type: [AudienceCriterionDto],
    description: 'Criteria that must all hold',
    example: [{ segment: 'top_clv_percent', params: { percent: 20 } }],
  })
  audience!: AudienceCriterionDto[];
  @ApiProperty({ type: GiftDto, example: { type: 'points', points: 500 } }) gift!: GiftDto;
  @ApiProperty({ example: 0.3 }) probability!: number;
  @ApiProperty({ example: 30 }) cooldownDays!: number;
  @ApiProperty({ example: 10 }) holdoutPercent!: number;
  @ApiProperty({ type: BudgetViewDto }) budget!: BudgetViewDto;
  @ApiProperty({ example: 0, description: 'Points granted by all its runs so far' })
  pointsGranted!: number;
  @ApiProperty({ example: 30 }) followUpDays!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  activeFrom!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  activeUntil!: string | null;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) createdAt!: string;
}

export class CampaignPageDto {
  @ApiProperty({ type: [CampaignViewDto] }) items!: CampaignViewDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class RunDueResultDto {
  @ApiProperty({
    type: [String],
    example: ['7d1e4c2a-9b3f-4e6d-8a1c-2f0e9d8c7b6a'],
    description: 'The campaigns that ran (scheduled ones now due, then the birthday campaigns)',
  })
  ran!: string[];
}
