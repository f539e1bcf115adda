import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';

export const REWARD_TYPES = [
  'discount_amount',
  'discount_percent',
  'free_product',
  'service_perk',
  'gift',
] as const;
export type RewardType = (typeof REWARD_TYPES)[number];

/** The types that issue a coupon code, used at the till; the others issue a perk. */
export const COUPON_TYPES: readonly RewardType[] = [
  'discount_amount',
  'discount_percent',
  'free_product',
];
export const isCouponType = (type: RewardType): boolean => COUPON_TYPES.includes(type);

/**
 * An item of the reward catalog (a configuration table). Issued coupons and perks copy what they
 * need from it, so changing or deleting a reward never changes what members already hold.
 */
@Entity({ name: 'rewards' })
export class RewardEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  type!: RewardType;

  @Column({ name: 'points_cost', type: 'int' })
  pointsCost!: number;

  /** discount_amount: minor units off; discount_percent: 1..100. */
  @Column({ name: 'value_amount', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  valueAmount!: number | null;

  /** free_product: the SKU; service_perk and gift: what the member gets. */
  @Column({ name: 'value_text', type: 'text', nullable: true })
  valueText!: string | null;

  /** Units offered in total (issued ones included); null: unlimited. */
  @Column({ type: 'int', nullable: true })
  stock!: number | null;

  /** Units left; taken by one conditional UPDATE per redemption, given back by a cancellation. */
  @Column({ name: 'stock_remaining', type: 'int', nullable: true })
  stockRemaining!: number | null;

  @Column({ name: 'per_member_limit', type: 'int', nullable: true })
  perMemberLimit!: number | null;

  /** Tier codes that may see and redeem it; empty: every member. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  tiers!: string[];

  /** How many days an issued coupon or perk lasts; null: until used. */
  @Column({ name: 'valid_days', type: 'int', nullable: true })
  validDays!: number | null;

  @Column({ name: 'active_from', type: 'timestamptz', nullable: true })
  activeFrom!: Date | null;

  @Column({ name: 'active_until', type: 'timestamptz', nullable: true })
  activeUntil!: Date | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
