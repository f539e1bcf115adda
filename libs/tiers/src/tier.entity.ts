import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const TIER_METRICS = ['points_earned', 'spend'] as const;
export type TierMetric = (typeof TIER_METRICS)[number];

export interface TierQualification {
  metric: TierMetric;
  /** Points, or minor units of spend, within the rolling window. */
  threshold: number;
  windowDays: number;
}

export interface TierBenefits {
  pointsMultiplier?: number;
  perks?: string[];
}

/** A status level. The lowest rank is every member's start. */
@Entity({ name: 'tiers' })
@Index('uq_tiers_code', ['code'], { unique: true })
@Index('uq_tiers_rank', ['rank'], { unique: true })
export class TierEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'int' })
  rank!: number;

  @Column({ type: 'jsonb' })
  qualification!: TierQualification;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  benefits!: TierBenefits;

  @Column({ name: 'downgrade_grace_days', type: 'int', default: 0 })
  downgradeGraceDays!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
