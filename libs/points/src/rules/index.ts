export type {
  AppliedRule,
  Channel,
  EarnedLine,
  EarningRule,
  EarningRuleConditions,
  EarningRuleEffect,
  EarningRuleLimits,
  EarnPointsResult,
  OrderForEarning,
  OrderLineForEarning,
  TierMultiplier,
} from './earning-rule-types';
export { calculateEarnPoints } from './earn-points-calculator';
export { allocateDiscount, applyOrderDiscount } from './discount-allocation';
export { proportionalShare } from './integer-math';
export { ruleApplicationsToRecord } from './rule-usage';
export { TIER_RULE_ID_PREFIX } from './contribution';
export { compareRulePriority, sortRulesByPriority } from './rule-priority';
export { isoDayOfWeek } from './day-of-week';
