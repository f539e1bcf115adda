import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';
import type { RewardType } from '../catalog/reward.entity';

export const REDEMPTION_STATUSES = ['active', 'used', 'expired', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

/** redeem: bought with points by the member; grant: given free (campaigns, birthdays). */
export type RedemptionSource = 'redeem' | 'grant';

/**
 * A coupon or perk issued to a member: what they hold, with a copy of the reward's terms as they
 * were at issue. Coupons carry a code, unique per member and unguessable (60 random bits).
 */
@Entity({ name: 'reward_redemptions' })
// TypeORM compares index columns in sorted order: keep them sorted so its diff stays quiet.
@Index('uq_reward_redemptions_code', ['code', 'memberId'], { unique: true })
@Index('uq_reward_redemptions_idempotency', ['idempotencyKey', 'memberId'], { unique: true })
@Index('ix_reward_redemptions_member_reward', ['memberId', 'rewardId'])
@Index('ix_reward_redemptions_member_order', ['memberId', 'orderUuid'], {
  where: 'order_uuid IS NOT NULL',
})
@Index('ix_reward_redemptions_id', ['id'])
@Index('ix_reward_redemptions_expiry', ['expiresAt'], {
  where: "status = 'active' AND expires_at IS NOT NULL",
})
export class RewardRedemptionEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'reward_id', type: 'uuid' })
  rewardId!: string;

  @Column({ name: 'reward_name', type: 'text' })
  rewardName!: string;

  @Column({ name: 'reward_type', type: 'text' })
  rewardType!: RewardType;

  @Column({ name: 'value_amount', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  valueAmount!: number | null;

  @Column({ name: 'value_text', type: 'text', nullable: true })
  valueText!: string | null;

  @Column({ type: 'text' })
  source!: RedemptionSource;

  @Column({ name: 'points_spent', type: 'bigint', default: 0, transformer: bigintAsNumber })
  pointsSpent!: number;

  /** The coupon code (coupon types only). */
  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'text', default: 'active' })
  status!: RedemptionStatus;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** The checkout (orders.id) that used the coupon. */
  @Column({ name: 'order_uuid', type: 'uuid', nullable: true })
  orderUuid!: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** The ledger debit that paid for it (null for free grants): a cancellation reverses it. */
  @Column({ name: 'ledger_transaction_id', type: 'uuid', nullable: true })
  ledgerTransactionId!: string | null;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
