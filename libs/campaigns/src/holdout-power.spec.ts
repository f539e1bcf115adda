import {
  holdoutSize,
  isMeasurable,
  minimumDetectableEffect,
  pooledSd,
  rateSd,
  Z_80,
  Z_975,
} from './holdout-power';

describe('holdout power', () => {
  it('uses the textbook z values', () => {
    expect(Z_975 + Z_80).toBeCloseTo(2.8016, 4);
  });

  it('computes the minimum detectable effect (z₀.₉₇₅ + z₀.₈)·s·√(1/n_t + 1/n_h)', () => {
    // s = 10, 100 against 100: 2.8016 · 10 · √0.02 = 3.962.
    expect(minimumDetectableEffect(10, 100, 100)).toBeCloseTo(3.962, 3);
    // Purchase rate 0.5 with 4 treated and 1 held out: 2.8016 · 0.5 · √1.25 = 1.566.
    expect(minimumDetectableEffect(rateSd(0.5), 4, 1)).toBeCloseTo(1.566, 3);
    expect(minimumDetectableEffect(10, 5, 0)).toBeNull();
    expect(minimumDetectableEffect(null, 5, 5)).toBeNull();
  });

  it('assumes p = 0.5 when the baseline purchase rate is unknown, 0 or 1', () => {
    expect(rateSd(0.2)).toBeCloseTo(0.4, 10);
    for (const p of [null, 0, 1]) {
      expect(rateSd(p)).toBe(0.5);
    }
  });

  it('pools the groups’ variances by their degrees of freedom', () => {
    expect(
      pooledSd({ members: 3, mean: 0, variance: 4 }, { members: 5, mean: 0, variance: 1 }),
    ).toBeCloseTo(Math.sqrt((2 * 4 + 4 * 1) / 6), 10);
    expect(
      pooledSd({ members: 1, mean: 0, variance: null }, { members: 1, mean: 0, variance: null }),
    ).toBeNull();
  });

  it('calls a run measurable only with two in each group and a detectable uplift that is possible', () => {
    expect(isMeasurable(5, 0, null, null)).toBe(false);
    expect(isMeasurable(4, 1, 0.3, 0.2)).toBe(false);
    // p = 0.5: 23 against 2 detect only 1.03, more than the 0.5 the rate can rise.
    expect(isMeasurable(23, 2, minimumDetectableEffect(rateSd(0.5), 23, 2), 0.5)).toBe(false);
    // p = 0.2: 100 against 10 detect 0.37 < 0.8.
    expect(isMeasurable(100, 10, minimumDetectableEffect(rateSd(0.2), 100, 10), 0.2)).toBe(true);
    // An unknown rate is taken as 0.5.
    expect(isMeasurable(100, 10, 0.45, null)).toBe(true);
    expect(isMeasurable(100, 10, 0.55, null)).toBe(false);
  });

  it('rounds the holdout down: 10 % of 5 is nobody', () => {
    expect(holdoutSize(5, 10)).toBe(0);
    expect(holdoutSize(10, 10)).toBe(1);
    expect(holdoutSize(29, 10)).toBe(2);
    expect(holdoutSize(40, 20)).toBe(8);
    expect(holdoutSize(0, 50)).toBe(0);
  });
});
