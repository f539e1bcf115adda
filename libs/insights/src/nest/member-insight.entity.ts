import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A member's latest RFM scores and CLV prediction, refreshed by the scoring job. */
@Entity({ name: 'member_insights' })
@Index('ix_member_insights_clv', ['clv'])
@Index('ix_member_insights_segment', ['rfmSegment'])
export class MemberInsightEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'model_id', type: 'uuid', nullable: true })
  modelId!: string | null;

  @Column({ name: 'scored_at', type: 'timestamptz' })
  scoredAt!: Date;

  @Column({ name: 'recency_days', type: 'int' })
  recencyDays!: number;

  @Column({ type: 'int' })
  frequency!: number;

  /** Mean repeat purchase, minor units. */
  @Column({ type: 'double precision' })
  monetary!: number;

  @Column({ name: 'recency_score', type: 'smallint' })
  recencyScore!: number;

  @Column({ name: 'frequency_score', type: 'smallint' })
  frequencyScore!: number;

  @Column({ name: 'monetary_score', type: 'smallint' })
  monetaryScore!: number;

  @Column({ name: 'rfm_segment', type: 'text' })
  rfmSegment!: string;

  @Column({ name: 'expected_purchases', type: 'double precision', nullable: true })
  expectedPurchases!: number | null;

  @Column({ name: 'p_alive', type: 'double precision', nullable: true })
  pAlive!: number | null;

  @Column({ name: 'expected_spend', type: 'double precision', nullable: true })
  expectedSpend!: number | null;

  /** Predicted value over `horizonDays`, minor units, discounted. */
  @Column({ type: 'double precision', nullable: true })
  clv!: number | null;

  @Column({ name: 'horizon_days', type: 'int', nullable: true })
  horizonDays!: number | null;
}
