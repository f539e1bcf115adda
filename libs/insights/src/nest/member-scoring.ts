import { type BgNbdParams, bgnbdProbabilityAlive } from '../bgnbd-model';
import { customerLifetimeValue, type ClvResult } from '../clv';
import { gammaGammaConditionalExpectedSpend, type GammaGammaParams } from '../gamma-gamma-model';
import { scoreRfm } from '../rfm-score';
import type { RfmSegment } from '../rfm-segments';
import type { MemberPurchaseSummary } from './purchase-summaries.query';

export interface ScoringOptions {
  bgnbd: BgNbdParams;
  gammaGamma: GammaGammaParams;
  horizonDays: number;
  /** e.g. 0.1 for 10 % a year. */
  annualDiscountRate: number;
}

/** One member_insights row. */
export interface MemberScore {
  memberId: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  recencyScore: number;
  frequencyScore: number;
  monetaryScore: number;
  segment: RfmSegment;
  expectedPurchases: number;
  pAlive: number;
  expectedSpend: number;
  clv: number;
}

/** Any positive mean spend will do for the reference members (see scoreMembers). */
const REFERENCE_SPEND = 1;

/**
 * RFM quintiles (relative to everyone scored together) and CLV for every summary.
 *
 * CLV costs a hypergeometric series per week of the horizon, but most of it depends on the
 * number of repeat purchases x and the age T alone: E[Y(t) | x, tx, T] = P(alive | x, tx, T) ·
 * E[Y(t) | alive, x, T], and the spend E[M | x, m_x] multiplies every period alike. So CLV is
 * computed once per distinct (x, T), for a reference member with tx = T, and each member's
 * expected purchases and value are that member's rescaled by the member's own P(alive) and
 * expected spend (equal to customerLifetimeValue up to rounding). Distinct (x, T) are few (a few
 * thousand for a million members), where distinct (x, tx, T, m_x) are about as many as members.
 */
export function scoreMembers(
  summaries: readonly MemberPurchaseSummary[],
  options: ScoringOptions,
): MemberScore[] {
  const rfm = scoreRfm(summaries);
  const horizonWeeks = options.horizonDays / 7;
  const references = new Map<number, Map<number, ClvResult>>();
  const reference = (x: number, T: number): ClvResult => {
    let byAge = references.get(x);
    if (!byAge) {
      references.set(x, (byAge = new Map<number, ClvResult>()));
    }
    let clv = byAge.get(T);
    if (!clv) {
      clv = customerLifetimeValue({
        bgnbd: options.bgnbd,
        gammaGamma: options.gammaGamma,
        x,
        tx: T,
        T,
        mx: REFERENCE_SPEND,
        horizonWeeks,
        annualDiscountRate: options.annualDiscountRate,
      });
      byAge.set(T, clv);
    }
    return clv;
  };
  return summaries.map((s, i) => {
    const x = s.frequency;
    const mx = x > 0 ? s.monetary : 0;
    const base = reference(x, s.T);
    const pAlive = bgnbdProbabilityAlive(options.bgnbd, { x, tx: s.recency, T: s.T });
    const expectedSpend = gammaGammaConditionalExpectedSpend(options.gammaGamma, x, mx);
    // P(alive) of the reference is (b+x-1)/(a+b+x-1) > 0, and its expected spend is > 0.
    const alive = pAlive / base.pAlive;
    const r = rfm[i];
    if (!r) {
      throw new Error('scoreMembers: RFM scores and summaries differ in length');
    }
    return {
      memberId: s.customerId,
      recencyDays: r.daysSinceLastPurchase,
      frequency: s.frequency,
      monetary: s.monetary,
      recencyScore: r.recencyScore,
      frequencyScore: r.frequencyScore,
      monetaryScore: r.monetaryScore,
      segment: r.segment,
      expectedPurchases: base.expectedPurchases * alive,
      pAlive,
      expectedSpend,
      clv: base.value * alive * (expectedSpend / base.expectedSpend),
    };
  });
}
