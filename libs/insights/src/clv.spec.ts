import { bgnbdConditionalExpectedPurchases, bgnbdProbabilityAlive } from './bgnbd-model';
import { customerLifetimeValue, type ClvInput } from './clv';
import { gammaGammaConditionalExpectedSpend } from './gamma-gamma-model';

const base: ClvInput = {
  bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
  x: 2,
  tx: 30.43,
  T: 38.86,
  mx: 22.35,
  horizonWeeks: 52,
  annualDiscountRate: 0.1,
};

describe('customerLifetimeValue', () => {
  it('reports the BG/NBD and Gamma-Gamma ingredients', () => {
    const result = customerLifetimeValue(base);
    const customer = { x: base.x, tx: base.tx, T: base.T };
    expect(result.expectedPurchases).toBeCloseTo(
      bgnbdConditionalExpectedPurchases(base.bgnbd, customer, 52),
      12,
    );
    expect(result.pAlive).toBeCloseTo(bgnbdProbabilityAlive(base.bgnbd, customer), 12);
    expect(result.expectedSpend).toBeCloseTo(
      gammaGammaConditionalExpectedSpend(base.gammaGamma, 2, 22.35),
      12,
    );
  });

  it('without discounting equals expected purchases × expected spend', () => {
    const result = customerLifetimeValue({ ...base, annualDiscountRate: 0 });
    expect(result.value).toBeCloseTo(result.expectedPurchases * result.expectedSpend, 10);
  });

  it('discounts each week at the weekly rate derived from the annual one', () => {
    const result = customerLifetimeValue(base);
    const customer = { x: base.x, tx: base.tx, T: base.T };
    let expected = 0;
    for (let w = 1; w <= 52; w++) {
      const purchases =
        bgnbdConditionalExpectedPurchases(base.bgnbd, customer, w) -
        bgnbdConditionalExpectedPurchases(base.bgnbd, customer, w - 1);
      expected += (purchases * result.expectedSpend) / Math.pow(1.1, w / 52);
    }
    expect(result.value).toBeCloseTo(expected, 10);
    expect(result.value).toBeLessThan(result.expectedPurchases * result.expectedSpend);
  });

  it('handles longer steps, a fractional last step and a zero horizon', () => {
    const weekly = customerLifetimeValue({ ...base, horizonWeeks: 10.5 });
    const customer = { x: base.x, tx: base.tx, T: base.T };
    expect(weekly.expectedPurchases).toBeCloseTo(
      bgnbdConditionalExpectedPurchases(base.bgnbd, customer, 10.5),
      12,
    );
    const monthly = customerLifetimeValue({ ...base, stepWeeks: 4, horizonWeeks: 52 });
    expect(monthly.expectedPurchases).toBeCloseTo(
      customerLifetimeValue(base).expectedPurchases,
      12,
    );
    // Coarser steps discount later on average, so they value slightly less.
    expect(monthly.value).toBeLessThan(customerLifetimeValue(base).value);
    const none = customerLifetimeValue({ ...base, horizonWeeks: 0 });
    expect(none.value).toBe(0);
    expect(none.expectedPurchases).toBe(0);
  });

  it('values a customer who never came back at the population mean spend', () => {
    const result = customerLifetimeValue({ ...base, x: 0, tx: 0, mx: 0 });
    expect(result.pAlive).toBe(1);
    expect(result.expectedSpend).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(result.value).toBeGreaterThan(0);
  });

  it('rejects invalid inputs', () => {
    expect(() => customerLifetimeValue({ ...base, horizonWeeks: -1 })).toThrow(RangeError);
    expect(() => customerLifetimeValue({ ...base, annualDiscountRate: -1 })).toThrow(RangeError);
    expect(() => customerLifetimeValue({ ...base, stepWeeks: 0 })).toThrow(RangeError);
    expect(() => customerLifetimeValue({ ...base, tx: 50 })).toThrow(RangeError);
  });
});
