export type Channel = 'store' | 'online' | 'app';

export interface EarningRuleConditions {
  channels?: Channel[];
  storeIds?: string[];
  tiers?: string[];
  categories?: string[];
  skus?: string[];
  /** Minor units, compared with the order subtotal before discounts. */
  minOrderTotal?: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday, in the order's time zone. */
  daysOfWeek?: number[];
  /** ISO instant, inclusive. */
  validFrom?: string;
  /** ISO instant, exclusive. */
  validUntil?: string;
}

export interface EarningRuleEffect {
  /** Points per 1 major currency unit; may be fractional (up to 4 decimal places). */
  pointsPerUnit?: number;
  multiplier?: number;
  fixedPoints?: number;
}

export interface EarningRuleLimits {
  perMemberPerDay?: number;
}

export interface EarningRule {
  id: string;
  name: string;
  active: boolean;
  priority: number;
  stackable: boolean;
  conditions: EarningRuleConditions;
  effect: EarningRuleEffect;
  limits?: EarningRuleLimits;
}

export interface OrderLineForEarning {
  sku: string;
  category?: string;
  quantity: number;
  /** Minor units. */
  unitPrice: number;
  /** Line amount after order discounts, minor units; defaults to quantity * unitPrice. */
  netAmount?: number;
}

export interface TierMultiplier {
  code: string;
  name: string;
  multiplier: number;
}

export interface OrderForEarning {
  channel: Channel;
  storeId?: string;
  /** Member tier code. */
  tier?: string;
  occurredAt: Date;
  /** IANA zone used for daysOfWeek; defaults to UTC. */
  timeZone?: string;
  /** e.g. 100 for USD. */
  minorUnitsPerMajor: number;
  lines: OrderLineForEarning[];
  tierMultiplier?: TierMultiplier;
  /** How many times each rule has already applied to this member today. */
  ruleUsageToday?: Record<string, number>;
}

export interface EarnedLine {
  index: number;
  sku: string;
  basePoints: number;
  points: number;
  appliedRuleIds: string[];
}

export interface AppliedRule {
  ruleId: string;
  name: string;
  points: number;
}

export interface EarnPointsResult {
  totalPoints: number;
  lines: EarnedLine[];
  appliedRules: AppliedRule[];
  description: string;
}
