import type { BgNbdParams } from '../bgnbd.model';
import { customerLifetimeValue, type ClvResult } from '../clv';
import type { GammaGammaParams } from '../gamma-gamma.model';
import { scoreRfm } from '../rfm.score';
import type { RfmSegment } from '../rfm.segments';
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

/**
 * RFM quintiles (relative to everyone scored together) and CLV for every summary. Members with
 * the same (x, tx, T, m_x) share one CLV computation: most members have few purchases, so the
 * distinct histories are far fewer than the members.
 */
export function scoreMembers(
  summaries: readonly MemberPurchaseSummary[],
  options: ScoringOptions,
): MemberScore[] {
  const rfm = scoreRfm(summaries);
  const horizonWeeks = options.horizonDays / 7;
  const memo = new Map<string, ClvResult>();
  return summaries.map((s, i) => {
    const mx = s.frequency > 0 ? s.monetary : 0;
    const key = `${s.frequency}|${s.recency}|${s.T}|${mx}`;
    let clv = memo.get(key);
    if (!clv) {
      clv = customerLifetimeValue({
        bgnbd: options.bgnbd,
        gammaGamma: options.gammaGamma,
        x: s.frequency,
        tx: s.recency,
        T: s.T,
        mx,
        horizonWeeks,
        annualDiscountRate: options.annualDiscountRate,
      });
      memo.set(key, clv);
    }
    const r = rfm[i];
    if (!r) throw new Error('scoreMembers: RFM scores and summaries differ in length');
    return {
      memberId: s.customerId,
      recencyDays: r.daysSinceLastPurchase,
      frequency: s.frequency,
      monetary: s.monetary,
      recencyScore: r.recencyScore,
      frequencyScore: r.frequencyScore,
      monetaryScore: r.monetaryScore,
      segment: r.segment,
      expectedPurchases: clv.expectedPurchases,
      pAlive: clv.pAlive,
      expectedSpend: clv.expectedSpend,
      clv: clv.value,
    };
  });
}
