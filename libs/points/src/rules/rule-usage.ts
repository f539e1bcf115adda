import type { EarnPointsResult } from './earning-rule-types';
import { TIER_RULE_ID_PREFIX } from './contribution';

/**
 * Rule ids whose daily usage (perMemberPerDay) goes up by one for this order: every
 * rule that contributed points, once per order. The tier multiplier is not a rule.
 */
export function ruleApplicationsToRecord(result: EarnPointsResult): string[] {
  return result.appliedRules
    .filter((applied) => !applied.ruleId.startsWith(TIER_RULE_ID_PREFIX))
    .map((applied) => applied.ruleId);
}
