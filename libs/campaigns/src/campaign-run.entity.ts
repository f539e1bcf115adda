import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'campaign_runs' })
@Index('ix_campaign_runs_campaign', ['campaignId', 'startedAt'])
export class CampaignRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** running, completed */
  @Column({ type: 'text' })
  status!: string;

  /** schedule, manual, birthday */
  @Column({ type: 'text' })
  trigger!: string;

  /** Seeds the run's random draws (holdout, probability), so a resumed run draws the same. */
  @Column({ type: 'text' })
  seed!: string;

  @Column({ type: 'int', default: 0 })
  eligible!: number;

  @Column({ type: 'int', default: 0 })
  holdout!: number;

  @Column({ type: 'int', default: 0 })
  granted!: number;

  @Column({ type: 'int', default: 0 })
  skipped!: number;

  /** What top_clv_percent ranked by: clv, spend (no usable model), or null (no such criterion). */
  @Column({ name: 'value_basis', type: 'text', nullable: true })
  valueBasis!: 'clv' | 'spend' | null;
}
