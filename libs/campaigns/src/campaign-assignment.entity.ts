import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** What one run did with one member: treated (granted), holdout, or skipped (and why). */
@Entity({ name: 'campaign_assignments' })
@Index('ix_campaign_assignments_cooldown', ['campaignId', 'memberId'])
@Index('ix_campaign_assignments_run_group', ['runId', 'group', 'memberId'])
export class CampaignAssignmentEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  /** treated, holdout, skipped */
  @Column({ name: 'assigned_group', type: 'text' })
  group!: string;

  /** chance, cooldown, budget, reward_out_of_stock, reward_not_found */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'int', default: 0 })
  points!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
