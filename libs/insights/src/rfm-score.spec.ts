import { type RfmInput, scoreRfm } from './rfm-score';
import { RFM_SEGMENTS, rfmSegment } from './rfm-segments';

function customer(
  customerId: string,
  daysSinceLast: number,
  purchaseDays: number,
  totalSpend: number,
): RfmInput {
  return { customerId, T: 52, recency: 52 - daysSinceLast / 7, purchaseDays, totalSpend };
}

describe('scoreRfm', () => {
  it('gives rank-based quintiles with recent, frequent, big spenders on top', () => {
    const customers = Array.from({ length: 10 }, (_, i) =>
      customer(`c${i}`, 100 - i * 10, i + 1, (i + 1) * 10),
    );
    const scores = scoreRfm(customers);
    expect(scores.map((s) => s.recencyScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores.map((s) => s.frequencyScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores.map((s) => s.monetaryScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores[9]).toMatchObject({
      customerId: 'c9',
      daysSinceLastPurchase: 10,
      score: '555',
      segment: 'champions',
    });
    expect(scores[0]).toMatchObject({ score: '111', segment: 'lost' });
  });

  it('gives equal values equal scores (the lowest rank of the tie) regardless of input order', () => {
    const customers = [
      customer('a', 30, 1, 10),
      customer('b', 30, 1, 10),
      customer('c', 30, 1, 10),
      customer('d', 5, 4, 50),
      customer('e', 1, 9, 90),
    ];
    const scores = scoreRfm(customers);
    // Ties at ranks 0-2 all take rank 0; d has rank 3 → floor(3·5/5)+1 = 4; e rank 4 → 5.
    expect(scores.map((s) => s.frequencyScore)).toEqual([1, 1, 1, 4, 5]);
    expect(scores.map((s) => s.recencyScore)).toEqual([1, 1, 1, 4, 5]);
    const reversed = scoreRfm([...customers].reverse()).reverse();
    expect(reversed).toEqual(scores);
  });

  it('handles empty input and a single customer', () => {
    expect(scoreRfm([])).toEqual([]);
    expect(scoreRfm([customer('only', 3, 2, 20)])[0]).toMatchObject({ score: '111' });
  });
});

describe('rfmSegment', () => {
  it('maps every R × F cell to a named segment', () => {
    const grid = [5, 4, 3, 2, 1].map((r) => [1, 2, 3, 4, 5].map((f) => rfmSegment(r, f)));
    expect(grid).toEqual([
      ['new_customers', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
      ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
      ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
      ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cannot_lose_them'],
      ['lost', 'lost', 'at_risk', 'at_risk', 'cannot_lose_them'],
    ]);
    expect(new Set(grid.flat())).toEqual(new Set(RFM_SEGMENTS));
  });

  it('rejects scores outside 1..5', () => {
    expect(() => rfmSegment(0, 3)).toThrow(RangeError);
    expect(() => rfmSegment(3, 6)).toThrow(RangeError);
    expect(() => rfmSegment(2.5, 3)).toThrow(RangeError);
  });
});
