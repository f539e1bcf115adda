import { customerLifetimeValue } from '../clv';
import { scoreRfm } from '../rfm-score';
import { scoreMembers } from './member-scoring';
import type { MemberPurchaseSummary } from './purchase-summaries.query';

const OPTIONS = {
  bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  gammaGamma: { p: 6.25, q: 3.74, gamma: 1544 },
  horizonDays: 365,
  annualDiscountRate: 0.1,
};

const summary = (
  customerId: string,
  frequency: number,
  recencyDays: number,
  ageDays: number,
  monetary: number,
): MemberPurchaseSummary => ({
  customerId,
  frequency,
  recency: recencyDays / 7,
  T: ageDays / 7,
  monetary,
  purchaseDays: frequency + 1,
  totalSpend: monetary * (frequency + 1),
});

describe('scoreMembers', () => {
  const summaries = [
    summary('a', 0, 0, 200, 0),
    summary('b', 0, 0, 200, 0), // the same history as a: computed once, scored alike
    summary('c', 3, 150, 200, 3000),
    summary('d', 1, 10, 250, 500),
    summary('e', 6, 190, 200, 8000),
  ];

  // Expected purchases and CLV are rescaled from one computation per (x, T): equal to
  // customerLifetimeValue's up to rounding, not bit for bit.
  it('scores CLV as customerLifetimeValue does, and RFM as scoreRfm does', () => {
    const scores = scoreMembers(summaries, OPTIONS);
    const rfm = scoreRfm(summaries);
    scores.forEach((score, i) => {
      const s = summaries[i];
      if (!s) {
        throw new Error('missing summary');
      }
      const clv = customerLifetimeValue({
        bgnbd: OPTIONS.bgnbd,
        gammaGamma: OPTIONS.gammaGamma,
        x: s.frequency,
        tx: s.recency,
        T: s.T,
        mx: s.monetary,
        horizonWeeks: 365 / 7,
        annualDiscountRate: 0.1,
      });
      expect(score).toEqual({
        memberId: s.customerId,
        recencyDays: rfm[i]?.daysSinceLastPurchase,
        frequency: s.frequency,
        monetary: s.monetary,
        recencyScore: rfm[i]?.recencyScore,
        frequencyScore: rfm[i]?.frequencyScore,
        monetaryScore: rfm[i]?.monetaryScore,
        segment: rfm[i]?.segment,
        expectedPurchases: expect.closeTo(clv.expectedPurchases, 9),
        pAlive: clv.pAlive,
        expectedSpend: clv.expectedSpend,
        clv: expect.closeTo(clv.value, 6),
      });
      expect(Math.abs(score.clv - clv.value)).toBeLessThanOrEqual(1e-12 * clv.value);
    });
    expect(scores[0]?.clv).toBe(scores[1]?.clv);
  });

  it('rescales one CLV per (x, T) exactly enough for members who differ in recency and spend', () => {
    const many = [
      summary('f', 2, 20, 300, 100),
      summary('g', 2, 280, 300, 100),
      summary('h', 2, 280, 300, 90_000),
      summary('i', 2, 299, 300, 1),
      summary('j', 40, 1, 300, 5000),
      summary('k', 1, 1, 1, 5000),
    ];
    for (const [i, score] of scoreMembers(many, OPTIONS).entries()) {
      const s = many[i];
      if (!s) {
        throw new Error('missing summary');
      }
      const clv = customerLifetimeValue({
        ...OPTIONS,
        x: s.frequency,
        tx: s.recency,
        T: s.T,
        mx: s.monetary,
        horizonWeeks: 365 / 7,
      });
      expect(score.pAlive).toBe(clv.pAlive);
      expect(score.expectedSpend).toBe(clv.expectedSpend);
      expect(Math.abs(score.expectedPurchases - clv.expectedPurchases)).toBeLessThanOrEqual(
        1e-12 * clv.expectedPurchases,
      );
      expect(Math.abs(score.clv - clv.value)).toBeLessThanOrEqual(1e-12 * clv.value);
    }
  });

  it('values the frequent recent big spender highest', () => {
    const scores = scoreMembers(summaries, OPTIONS);
    const best = [...scores].sort((u, v) => v.clv - u.clv)[0];
    expect(best?.memberId).toBe('e');
    expect(best?.segment).toBe('champions');
  });
});
