import type { AppliedRule } from './earning-rule-types';
import { CONTRIBUTION_STAGES, type Contribution } from './contribution';

interface RuleTotal extends AppliedRule {
  stageOrder: number;
  rank: number;
}

/**
 * Sums contributions per rule, keeping only rules that gave points, in application
 * order: stage of the rule's first contribution (base, multiplier, tier, fixed), then
 * priority order.
 */
export function summarizeAppliedRules(contributions: readonly Contribution[]): AppliedRule[] {
  const totals = new Map<string, RuleTotal>();
  for (const c of contributions) {
    if (c.points <= 0) {
      continue;
    }
    const stageOrder = CONTRIBUTION_STAGES.indexOf(c.stage);
    const total = totals.get(c.ruleId);
    if (total === undefined) {
      totals.set(c.ruleId, {
        ruleId: c.ruleId,
        name: c.name,
        points: c.points,
        stageOrder,
        rank: c.rank,
      });
    } else {
      total.points += c.points;
      total.stageOrder = Math.min(total.stageOrder, stageOrder);
    }
  }
  return [...totals.values()]
    .sort((a, b) => a.stageOrder - b.stageOrder || a.rank - b.rank)
    .map(({ ruleId, name, points }) => ({ ruleId, name, points }));
}

/** Rule ids of a line's contributions that gave points, first appearance first. */
export function appliedRuleIds(contributions: readonly Contribution[]): string[] {
  const ids: string[] = [];
  for (const c of contributions) {
    if (c.points > 0 && !ids.includes(c.ruleId)) {
      ids.push(c.ruleId);
    }
  }
  return ids;
}
