import type { OrderLineForEarning, TierMultiplier } from './earning-rule-types';
import { TIER_RULE_ID_PREFIX, type Contribution, type RankedRule } from './contribution';
import { DECIMAL_SCALE, floorMulDiv, toWholeMinorUnits } from './integer-math';
import { matchesLine } from './rule-conditions';
import { scaledBaseRate, scaledMultiplierBonus } from './rule-effects';
import { selectStacked } from './stacking';

export interface LineEarning {
  basePoints: number;
  points: number;
  contributions: Contribution[];
}

/** What the member actually paid for the line, never below 0. */
export function lineNetAmount(line: OrderLineForEarning): number {
  const amount = line.netAmount ?? line.quantity * line.unitPrice;
  return Math.max(0, toWholeMinorUnits(amount));
}

function multiplierPoints(basePoints: number, scaledBonus: number): number {
  return floorMulDiv(basePoints, scaledBonus, DECIMAL_SCALE);
}

function tierContribution(
  basePoints: number,
  tier: TierMultiplier | undefined,
): Contribution | undefined {
  if (tier === undefined || !(tier.multiplier > 1)) {
    return undefined;
  }
  const scaledBonus = scaledMultiplierBonus(tier.multiplier);
  if (scaledBonus === undefined) {
    return undefined;
  }
  return {
    ruleId: `${TIER_RULE_ID_PREFIX}${tier.code}`,
    name: `${tier.name} tier ×${tier.multiplier}`,
    stage: 'tier',
    rank: 0,
    points: multiplierPoints(basePoints, scaledBonus),
  };
}

/**
 * Earns one line: base rate from the first matching rule with a rate, then the stacked
 * multipliers, then the member's tier multiplier. `rules` must already match the order
 * and be in priority order.
 */
export function earnLine(
  line: OrderLineForEarning,
  rules: readonly RankedRule[],
  minorUnitsPerMajor: number,
  tier: TierMultiplier | undefined,
): LineEarning {
  const matching = rules.filter(({ rule }) => matchesLine(rule, line));
  const contributions: Contribution[] = [];
  let basePoints = 0;

  for (const { rule, rank } of matching) {
    const rate = scaledBaseRate(rule);
    if (rate === undefined) {
      continue;
    }
    basePoints = floorMulDiv(lineNetAmount(line), rate, minorUnitsPerMajor * DECIMAL_SCALE);
    contributions.push({
      ruleId: rule.id,
      name: rule.name,
      stage: 'base',
      rank,
      points: basePoints,
    });
    break;
  }

  const multipliers = matching.filter(
    ({ rule }) => scaledMultiplierBonus(rule.effect.multiplier) !== undefined,
  );
  for (const { rule, rank } of selectStacked(multipliers, ({ rule }) => rule.stackable)) {
    const scaledBonus = scaledMultiplierBonus(rule.effect.multiplier) ?? 0;
    contributions.push({
      ruleId: rule.id,
      name: rule.name,
      stage: 'multiplier',
      rank,
      points: multiplierPoints(basePoints, scaledBonus),
    });
  }

  const tierBonus = tierContribution(basePoints, tier);
  if (tierBonus !== undefined) {
    contributions.push(tierBonus);
  }

  const points = contributions.reduce((sum, c) => sum + c.points, 0);
  return { basePoints, points, contributions };
}
