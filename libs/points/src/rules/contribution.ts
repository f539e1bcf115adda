import type { EarningRule } from './earning-rule-types';

/** Stages in application order; the summary and description follow it. */
export const CONTRIBUTION_STAGES = ['base', 'multiplier', 'tier', 'fixed'] as const;
export type ContributionStage = (typeof CONTRIBUTION_STAGES)[number];

export const TIER_RULE_ID_PREFIX = 'tier:';

/** A rule that matched the order, with its position in priority order. */
export interface RankedRule {
  rule: EarningRule;
  rank: number;
}

/** Points one rule (or the tier) gave in one role, on one line or to the order. */
export interface Contribution {
  ruleId: string;
  name: string;
  stage: ContributionStage;
  rank: number;
  points: number;
}
