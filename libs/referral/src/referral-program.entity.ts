import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';

/** The referral program's settings: a single row. */
@Entity({ name: 'referral_program' })
@Check('ck_referral_program_single_row', 'id = 1')
export class ReferralProgramEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id!: number;

  @Column({ type: 'boolean', default: false })
  active!: boolean;

  @Column({ name: 'referrer_points', type: 'int', default: 0 })
  referrerPoints!: number;

  @Column({ name: 'referee_points', type: 'int', default: 0 })
  refereePoints!: number;

  /** The least one order must total (minor units) to qualify the referee. */
  @Column({ name: 'qualifying_min_spend', type: 'bigint', default: 0, transformer: bigintAsNumber })
  qualifyingMinSpend!: number;

  @Column({ name: 'max_referrals_per_member', type: 'int', default: 10 })
  maxReferralsPerMember!: number;

  /** Days after joining in which the first qualifying purchase must happen. */
  @Column({ name: 'attribution_days', type: 'int', default: 90 })
  attributionDays!: number;

  /** More referees than this for one referrer within `velocityWindowHours` are held for review. */
  @Column({ name: 'velocity_max', type: 'int', default: 5 })
  velocityMax!: number;

  @Column({ name: 'velocity_window_hours', type: 'int', default: 24 })
  velocityWindowHours!: number;

  @Column({ name: 'share_base_url', type: 'text', default: 'https://example.com/join' })
  shareBaseUrl!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
