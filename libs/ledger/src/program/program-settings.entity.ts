import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The loyalty program's settings: a single row. */
@Entity({ name: 'program_settings' })
@Check('ck_program_settings_single_row', 'id = 1')
export class ProgramSettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id!: number;

  @Column({ type: 'text', default: 'Vafa Rewards' })
  name!: string;

  @Column({ type: 'text', default: 'USD' })
  currency!: string;

  /** Minor units per major unit of the currency (100 for USD, 1 for JPY). */
  @Column({ name: 'minor_units_per_major', type: 'int', default: 100 })
  minorUnitsPerMajor!: number;

  @Column({ name: 'points_pending_days', type: 'int', default: 0 })
  pointsPendingDays!: number;

  @Column({ name: 'points_expiry_days', type: 'int', default: 365 })
  pointsExpiryDays!: number;

  /** Redemption value: `redemptionPoints` points pay `redemptionValue` minor units. */
  @Column({ name: 'redemption_points', type: 'int', default: 100 })
  redemptionPoints!: number;

  @Column({ name: 'redemption_value', type: 'int', default: 100 })
  redemptionValue!: number;

  /** The most of an order (after coupons) that points may pay, in percent. */
  @Column({ name: 'max_redeem_percent', type: 'int', default: 100 })
  maxRedeemPercent!: number;

  /** Goodwill points one staff key may grant per day (0 = no limit). */
  @Column({ name: 'goodwill_daily_budget', type: 'int', default: 0 })
  goodwillDailyBudget!: number;

  /** Goodwill points one member may receive per calendar month (0 = no limit). */
  @Column({ name: 'goodwill_monthly_cap', type: 'int', default: 0 })
  goodwillMonthlyCap!: number;

  @Column({ name: 'time_zone', type: 'text', default: 'UTC' })
  timeZone!: string;

  /** ISO 3166 alpha-2: the country of phones written without a country code; null = none. */
  @Column({ name: 'default_country', type: 'text', nullable: true })
  defaultCountry!: string | null;

  /** Days before points expire that members are reminded (points.expiring_soon), largest first. */
  @Column({ name: 'expiry_reminder_days', type: 'int', array: true, default: () => "'{30,7}'" })
  expiryReminderDays!: number[];

  /** Days before a tier downgrade takes effect that the member is warned; 0 = no warning. */
  @Column({ name: 'tier_downgrade_warning_days', type: 'int', default: 14 })
  tierDowngradeWarningDays!: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  extra!: Record<string, unknown>;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
