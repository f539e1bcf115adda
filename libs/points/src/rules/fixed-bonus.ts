import type { OrderLineForEarning } from './earning-rule-types';
import type { Contribution, RankedRule } from './contribution';
import { hasLineConditions, matchesLine } from './rule-conditions';
import { fixedBonusPoints } from './rule-effects';
import { selectStacked } from './stacking';

/** Order-level fixed bonuses; `rules` must already match the order and be in priority order. */
export function fixedBonusContributions(
  rules: readonly RankedRule[],
  lines: readonly OrderLineForEarning[],
): Contribution[] {
  const candidates = rules.filter(
    ({ rule }) =>
      fixedBonusPoints(rule) !== undefined &&
      (!hasLineConditions(rule) || lines.some((line) => matchesLine(rule, line))),
  );
  return selectStacked(candidates, ({ rule }) => rule.stackable).map(({ rule, rank }) => ({
    ruleId: rule.id,
    name: rule.name,
    stage: 'fixed',
    rank,
    points: fixedBonusPoints(rule) ?? 0,
  }));
}
