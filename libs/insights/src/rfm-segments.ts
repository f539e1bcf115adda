export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cannot_lose_them',
  'hibernating',
  'lost',
] as const;

export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The common recency × frequency segment grid (R, F scores 1..5). The widely used 10-segment map
 * puts R 1-2 / F 1-2 into "hibernating"; here its coldest half (R = 1) is "lost".
 *
 *        F=1            F=2                F=3                F=4               F=5
 *  R=5   new_customers  potential_loyalist potential_loyalist champions         champions
 *  R=4   promising      potential_loyalist potential_loyalist loyal             loyal
 *  R=3   about_to_sleep about_to_sleep     need_attention     loyal             loyal
 *  R=2   hibernating    hibernating        at_risk            at_risk           cannot_lose_them
 *  R=1   lost           lost               at_risk            at_risk           cannot_lose_them
 */
export function rfmSegment(recencyScore: number, frequencyScore: number): RfmSegment {
  const r = recencyScore;
  const f = frequencyScore;
  if (![r, f].every((s) => Number.isInteger(s) && s >= 1 && s <= 5)) {
    throw new RangeError(`RFM scores must be integers in 1..5, got R=${r}, F=${f}`);
  }
  if (r <= 2) {
    if (f === 5) {
      return 'cannot_lose_them';
    }
    if (f >= 3) {
      return 'at_risk';
    }
    return r === 1 ? 'lost' : 'hibernating';
  }
  if (r === 3) {
    if (f >= 4) {
      return 'loyal';
    }
    return f === 3 ? 'need_attention' : 'about_to_sleep';
  }
  if (f >= 4) {
    return r === 5 ? 'champions' : 'loyal';
  }
  if (f >= 2) {
    return 'potential_loyalist';
  }
  return r === 5 ? 'new_customers' : 'promising';
}
