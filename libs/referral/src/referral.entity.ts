import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const REFERRAL_STATUSES = [
  'joined',
  'qualified',
  'rewarded',
  'held',
  'rejected',
  'reversed',
  'expired',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** One referred member (a member is referred at most once) and how their referral stands. */
@Entity({ name: 'referrals' })
@Index('ix_referrals_referrer', ['joinedAt', 'referrerId'])
export class ReferralEntity {
  @PrimaryColumn({ name: 'referee_id', type: 'uuid' })
  refereeId!: string;

  @Column({ name: 'referrer_id', type: 'uuid' })
  referrerId!: string;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;

  @Column({ type: 'text' })
  status!: ReferralStatus;

  /** Why a referral was held for review (e.g. velocity). */
  @Column({ name: 'hold_reason', type: 'text', nullable: true })
  holdReason!: string | null;

  /** Approved by staff after a hold: pays on qualification like any other. */
  @Column({ type: 'boolean', default: false })
  approved!: boolean;

  @Column({ name: 'qualifying_order_uuid', type: 'uuid', nullable: true })
  qualifyingOrderUuid!: string | null;

  @Column({ name: 'referee_transaction_id', type: 'uuid', nullable: true })
  refereeTransactionId!: string | null;

  @Column({ name: 'referrer_transaction_id', type: 'uuid', nullable: true })
  referrerTransactionId!: string | null;

  @Column({ name: 'referrer_points', type: 'int', default: 0 })
  referrerPoints!: number;

  @Column({ name: 'referee_points', type: 'int', default: 0 })
  refereePoints!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
