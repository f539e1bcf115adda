import type { EarningRule, EarnPointsResult } from './earning-rule-types';
import { TIER_RULE_ID_PREFIX } from './contribution';

/**
 * Rule ids whose daily usage goes up by one for this order: every rule with a per-member daily
 * limit (perMemberPerDay) that contributed points, once per order. Uses are read only to hold
 * that limit, so rules without one are not counted: that saves a row and its index entry per
 * rule and checkout, and a limit added to a rule counts uses from then on. The tier multiplier
 * is not a rule.
 */
export function ruleApplicationsToRecord(
  result: EarnPointsResult,
  rules: readonly Pick<EarningRule, 'id' | 'limits'>[],
): string[] {
  const limited = new Set(
    rules.filter((r) => r.limits?.perMemberPerDay !== undefined).map((r) => r.id),
  );
  return result.appliedRules
    .filter((applied) => !applied.ruleId.startsWith(TIER_RULE_ID_PREFIX))
    .filter((applied) => limited.has(applied.ruleId))
    .map((applied) => applied.ruleId);
}
