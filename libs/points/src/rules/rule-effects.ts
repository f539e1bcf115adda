import type { EarningRule } from './earning-rule-types';
import { DECIMAL_SCALE, toScaledDecimal, toWholeMinorUnits } from './integer-math';

// Effect values that could only take points away are ignored. Neutral values (rate 0,
// ×1, +0) still take part, so a high-priority rule can use them to block others.

/** Base rate in 1/10 000 points per major unit, or undefined when the rule gives no base. */
export function scaledBaseRate(rule: EarningRule): number | undefined {
  const rate = rule.effect.pointsPerUnit;
  if (rate === undefined || !Number.isFinite(rate) || rate < 0) {
    return undefined;
  }
  return toScaledDecimal(rate);
}

/** (multiplier - 1) in 1/10 000ths, or undefined when the rule has no usable multiplier. */
export function scaledMultiplierBonus(multiplier: number | undefined): number | undefined {
  if (multiplier === undefined || !Number.isFinite(multiplier) || multiplier < 1) {
    return undefined;
  }
  return toScaledDecimal(multiplier) - DECIMAL_SCALE;
}

export function fixedBonusPoints(rule: EarningRule): number | undefined {
  const points = rule.effect.fixedPoints;
  if (points === undefined || !Number.isFinite(points) || points < 0) {
    return undefined;
  }
  return toWholeMinorUnits(points);
}
