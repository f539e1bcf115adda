import type { CustomerSummary } from './customer-summary';
import { type RfmSegment, rfmSegment } from './rfm-segments';

export type RfmInput = Pick<
  CustomerSummary,
  'customerId' | 'recency' | 'T' | 'purchaseDays' | 'totalSpend'
>;

export interface RfmScore {
  customerId: string;
  /** Days from the last purchase day to the observation end's day. */
  daysSinceLastPurchase: number;
  recencyScore: number;
  frequencyScore: number;
  monetaryScore: number;
  /** Concatenated scores, e.g. "545". */
  score: string;
  segment: RfmSegment;
}

/**
 * Rank-based quintiles: with values sorted ascending, a value whose first occurrence has 0-based
 * rank k scores floor(k·5/n) + 1. Equal values share a score, and the result does not depend on
 * input order.
 */
function quintileScores(values: readonly number[]): number[] {
  const n = values.length;
  const sorted = [...values].sort((u, v) => u - v);
  const firstRank = new Map<number, number>();
  sorted.forEach((value, rank) => {
    if (!firstRank.has(value)) {
      firstRank.set(value, rank);
    }
  });
  return values.map((value) => Math.floor(((firstRank.get(value) ?? 0) * 5) / n) + 1);
}

/**
 * R, F, M quintile scores 1..5 and segment per customer. Recency: fewer days since the last purchase
 * scores higher; frequency: purchase days; monetary: total spend.
 */
export function scoreRfm(summaries: readonly RfmInput[]): RfmScore[] {
  for (const s of summaries) {
    if (![s.recency, s.T, s.purchaseDays, s.totalSpend].every(Number.isFinite)) {
      throw new RangeError(`scoreRfm: non-finite summary values for customer ${s.customerId}`);
    }
  }
  // Summaries hold whole days in weeks; rounding undoes the /7 so equal gaps tie exactly.
  const days = summaries.map((s) => Math.round((s.T - s.recency) * 7));
  const recency = quintileScores(days.map((d) => -d));
  const frequency = quintileScores(summaries.map((s) => s.purchaseDays));
  const monetary = quintileScores(summaries.map((s) => s.totalSpend));
  return summaries.map((s, i) => {
    const r = recency[i] ?? 1;
    const f = frequency[i] ?? 1;
    const m = monetary[i] ?? 1;
    return {
      customerId: s.customerId,
      daysSinceLastPurchase: days[i] ?? 0,
      recencyScore: r,
      frequencyScore: f,
      monetaryScore: m,
      score: `${r}${f}${m}`,
      segment: rfmSegment(r, f),
    };
  });
}
