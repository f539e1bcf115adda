import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';

export interface AppliedRuleSnapshot {
  ruleId: string;
  name: string;
  points: number;
}

/** A checkout: the order, what it earned and what points paid for, as it was at the till. */
@Entity({ name: 'orders' })
@Index('ix_orders_member_time', ['memberId', 'occurredAt'])
export class OrderEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The merchant's order id, unique in the program (kept so by `order_ids`). */
  @Column({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'store_id', type: 'text', nullable: true })
  storeId!: string | null;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  subtotal!: number;

  @Column({ name: 'coupon_discount', type: 'bigint', default: 0, transformer: bigintAsNumber })
  couponDiscount!: number;

  @Column({ name: 'points_discount', type: 'bigint', default: 0, transformer: bigintAsNumber })
  pointsDiscount!: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  total!: number;

  @Column({ name: 'points_earned', type: 'bigint', default: 0, transformer: bigintAsNumber })
  pointsEarned!: number;

  /** Order-level bonus points (fixed bonuses), reversed in proportion to value returned. */
  @Column({ name: 'bonus_points', type: 'bigint', default: 0, transformer: bigintAsNumber })
  bonusPoints!: number;

  @Column({ name: 'points_redeemed', type: 'bigint', default: 0, transformer: bigintAsNumber })
  pointsRedeemed!: number;

  @Column({ name: 'earn_transaction_id', type: 'uuid', nullable: true })
  earnTransactionId!: string | null;

  @Column({ name: 'redeem_transaction_id', type: 'uuid', nullable: true })
  redeemTransactionId!: string | null;

  @Column({ name: 'applied_rules', type: 'jsonb', default: () => "'[]'" })
  appliedRules!: AppliedRuleSnapshot[];

  /** Imported history (no till, no points) rather than a checkout. */
  @Column({ type: 'text', default: 'checkout' })
  source!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
