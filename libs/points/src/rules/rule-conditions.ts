import type { Channel, EarningRule, OrderLineForEarning } from './earning-rule-types';

/** The facts about an order that order-level conditions are checked against. */
export interface OrderFacts {
  channel: Channel;
  storeId: string | undefined;
  tier: string | undefined;
  /** ISO weekday in the order's time zone. */
  dayOfWeek: number;
  occurredAtMs: number;
  /** Minor units, before discounts. */
  subtotal: number;
  ruleUsageToday: Record<string, number> | undefined;
}

// An empty list is treated like an absent one: admin forms send [] for "any".
function allows<T>(allowed: readonly T[] | undefined, value: T | undefined): boolean {
  if (allowed === undefined || allowed.length === 0) {
    return true;
  }
  return value !== undefined && allowed.includes(value);
}

// Unparseable dates fail closed: NaN makes both comparisons false.
function isWithinValidity(rule: EarningRule, atMs: number): boolean {
  const { validFrom, validUntil } = rule.conditions;
  if (validFrom !== undefined && !(atMs >= Date.parse(validFrom))) {
    return false;
  }
  if (validUntil !== undefined && !(atMs < Date.parse(validUntil))) {
    return false;
  }
  return true;
}

function usageToday(usage: Record<string, number> | undefined, ruleId: string): number {
  // hasOwnProperty guards ids such as "constructor" against Object.prototype.
  if (usage === undefined || !Object.prototype.hasOwnProperty.call(usage, ruleId)) {
    return 0;
  }
  return usage[ruleId] ?? 0;
}

function isUnderDailyLimit(rule: EarningRule, usage: Record<string, number> | undefined): boolean {
  const limit = rule.limits?.perMemberPerDay;
  return limit === undefined || usageToday(usage, rule.id) < limit;
}

export function matchesOrder(rule: EarningRule, order: OrderFacts): boolean {
  const c = rule.conditions;
  return (
    rule.active &&
    allows(c.channels, order.channel) &&
    allows(c.storeIds, order.storeId) &&
    allows(c.tiers, order.tier) &&
    (c.minOrderTotal === undefined || order.subtotal >= c.minOrderTotal) &&
    allows(c.daysOfWeek, order.dayOfWeek) &&
    isWithinValidity(rule, order.occurredAtMs) &&
    isUnderDailyLimit(rule, order.ruleUsageToday)
  );
}

export function hasLineConditions(rule: EarningRule): boolean {
  const { skus, categories } = rule.conditions;
  return (
    (skus !== undefined && skus.length > 0) || (categories !== undefined && categories.length > 0)
  );
}

/** (skus absent or sku listed) AND (categories absent or category listed). */
export function matchesLine(rule: EarningRule, line: OrderLineForEarning): boolean {
  return (
    allows(rule.conditions.skus, line.sku) && allows(rule.conditions.categories, line.category)
  );
}
