import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';

export const AUDIENCE_SEGMENTS = [
  'all',
  'top_clv_percent',
  'rfm_segment',
  'tier',
  'birthday_today',
  'inactive_days',
] as const;
export type AudienceSegment = (typeof AUDIENCE_SEGMENTS)[number];

export interface AudienceCriterion {
  segment: AudienceSegment;
  params?: { percent?: number; segments?: string[]; tiers?: string[]; days?: number };
}

export type CampaignGift =
  | { type: 'points'; points: number }
  | { type: 'reward'; rewardId: string }
  | { type: 'perk'; perk: string; validDays?: number };

/** A surprise-and-delight campaign: who, what, how often, and how it is measured. */
@Entity({ name: 'campaigns' })
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Cron expression (program time zone); null runs only on demand or through a built-in job. */
  @Column({ type: 'text', nullable: true })
  schedule!: string | null;

  /** All criteria must hold (AND). */
  @Column({ type: 'jsonb' })
  audience!: AudienceCriterion[];

  @Column({ type: 'jsonb' })
  gift!: CampaignGift;

  /** The chance an eligible, treated member is actually surprised (0 < p ≤ 1). */
  @Column({ type: 'double precision', default: 1 })
  probability!: number;

  @Column({ name: 'cooldown_days', type: 'int', default: 0 })
  cooldownDays!: number;

  @Column({ name: 'holdout_percent', type: 'int', default: 0 })
  holdoutPercent!: number;

  @Column({ name: 'max_grants_per_run', type: 'int', nullable: true })
  maxGrantsPerRun!: number | null;

  @Column({ name: 'max_points_total', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  maxPointsTotal!: number | null;

  @Column({ name: 'points_granted', type: 'bigint', default: 0, transformer: bigintAsNumber })
  pointsGranted!: number;

  /** Days after a run over which treated and holdout purchases are compared. */
  @Column({ name: 'follow_up_days', type: 'int', default: 30 })
  followUpDays!: number;

  @Column({ name: 'active_from', type: 'timestamptz', nullable: true })
  activeFrom!: Date | null;

  @Column({ name: 'active_until', type: 'timestamptz', nullable: true })
  activeUntil!: Date | null;

  @Column({ name: 'last_scheduled_at', type: 'timestamptz', nullable: true })
  lastScheduledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
