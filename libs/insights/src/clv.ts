import {
  bgnbdConditionalExpectedPurchases,
  type BgNbdParams,
  bgnbdProbabilityAlive,
} from './bgnbd-model';
import { gammaGammaConditionalExpectedSpend, type GammaGammaParams } from './gamma-gamma-model';

/** Discounting treats a year as 52 weeks. */
export const WEEKS_PER_YEAR = 52;

export interface ClvInput {
  bgnbd: BgNbdParams;
  gammaGamma: GammaGammaParams;
  /** Repeat purchases, recency and age in weeks (see summarizeCustomers). */
  x: number;
  tx: number;
  T: number;
  /** Mean spend of the repeat purchases (ignored when x = 0). */
  mx: number;
  horizonWeeks: number;
  /** e.g. 0.1 for 10 % a year. */
  annualDiscountRate: number;
  /**
   * Length in weeks of each cash-flow period (default 1). Purchases expected within a period are
   * discounted as if they all happened at its end.
   */
  stepWeeks?: number;
}

export interface ClvResult {
  /** E[Y(horizon)]: expected purchases within the horizon. */
  expectedPurchases: number;
  pAlive: number;
  /** Expected value of each future purchase (Gamma–Gamma). */
  expectedSpend: number;
  /** Discounted expected spend within the horizon. */
  value: number;
}

/**
 * Customer lifetime value over a finite horizon: Σ_k (E[Y(t_k)] - E[Y(t_{k-1})]) · E[M] / (1+d)^(t_k/52),
 * with t_k = k·stepWeeks (the last step cut at the horizon) and d the annual discount rate.
 */
export function customerLifetimeValue(input: ClvInput): ClvResult {
  const { bgnbd, gammaGamma, x, tx, T, mx, horizonWeeks, annualDiscountRate } = input;
  const stepWeeks = input.stepWeeks ?? 1;
  if (!Number.isFinite(horizonWeeks) || horizonWeeks < 0) {
    throw new RangeError(`CLV: horizonWeeks must be finite and >= 0, got ${horizonWeeks}`);
  }
  if (!Number.isFinite(annualDiscountRate) || annualDiscountRate <= -1) {
    throw new RangeError(
      `CLV: annualDiscountRate must be finite and > -1, got ${annualDiscountRate}`,
    );
  }
  if (!Number.isFinite(stepWeeks) || stepWeeks <= 0) {
    throw new RangeError(`CLV: stepWeeks must be > 0, got ${stepWeeks}`);
  }

  const customer = { x, tx, T };
  const expectedSpend = gammaGammaConditionalExpectedSpend(gammaGamma, x, mx);
  const pAlive = bgnbdProbabilityAlive(bgnbd, customer);
  const logGrowthPerWeek = Math.log1p(annualDiscountRate) / WEEKS_PER_YEAR;

  let value = 0;
  let previousTime = 0;
  let previousPurchases = 0;
  const steps = Math.ceil(horizonWeeks / stepWeeks - 1e-12);
  for (let k = 1; k <= steps; k++) {
    const time = Math.min(k * stepWeeks, horizonWeeks);
    const purchases = bgnbdConditionalExpectedPurchases(bgnbd, customer, time);
    value += (purchases - previousPurchases) * expectedSpend * Math.exp(-logGrowthPerWeek * time);
    previousTime = time;
    previousPurchases = purchases;
  }
  return {
    expectedPurchases: previousTime > 0 ? previousPurchases : 0,
    pAlive,
    expectedSpend,
    value,
  };
}
