import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@vafa/platform';

export const RUN_GROUPS = ['treated', 'holdout', 'skipped'] as const;
export type RunGroup = (typeof RUN_GROUPS)[number];

export const SKIP_REASONS = [
  'chance',
  'cooldown',
  'budget',
  'reward_out_of_stock',
  'reward_not_found',
] as const;

const GROUP_FILTER = {
  enum: RUN_GROUPS,
  example: 'holdout',
  description: 'Only the members of this group; all of them when omitted',
} as const;

export class RunMembersExportQuery {
  @ApiPropertyOptional(GROUP_FILTER)
  @IsOptional()
  @IsIn(RUN_GROUPS, { message: `group must be one of: ${RUN_GROUPS.join(', ')}` })
  group?: RunGroup;
}

export class RunMembersQuery extends PageQuery {
  @ApiPropertyOptional(GROUP_FILTER)
  @IsOptional()
  @IsIn(RUN_GROUPS, { message: `group must be one of: ${RUN_GROUPS.join(', ')}` })
  group?: RunGroup;
}

/** One member of a run: the group the run put them in and why, if skipped. */
export class RunMemberDto {
  @ApiProperty({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' }) memberId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Sara Ahmadi' }) name!: string | null;
  @ApiProperty({ example: '6037991234567890' }) cardNumber!: string;
  @ApiProperty({ type: String, nullable: true, example: 'crm-1042' }) externalId!: string | null;
  @ApiProperty({ enum: RUN_GROUPS, example: 'skipped' }) group!: RunGroup;
  @ApiProperty({
    enum: SKIP_REASONS,
    nullable: true,
    example: 'cooldown',
    description: 'Why a skipped member was skipped; null for treated and holdout members',
  })
  reason!: string | null;
  @ApiProperty({ example: 0, description: 'Points the run granted this member' })
  points!: number;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z', description: 'When the run assigned them' })
  assignedAt!: string;
}

export class RunMemberPageDto {
  @ApiProperty({ type: [RunMemberDto], description: 'By member id' }) items!: RunMemberDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}
