import { lgamma, logBeta } from './lgamma';

describe('lgamma', () => {
  it('matches log((n-1)!) for integers', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 170; n++) {
      expect(lgamma(n)).toBeCloseTo(logFactorial, 10);
      expect(Math.abs(lgamma(n) - logFactorial)).toBeLessThanOrEqual(
        1e-13 * Math.max(1, Math.abs(logFactorial)),
      );
      logFactorial += Math.log(n);
    }
  });

  it('matches known half-integer and small values', () => {
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lgamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
    // Γ(1/3) = 2.678938534707747633...
    expect(lgamma(1 / 3)).toBeCloseTo(Math.log(2.6789385347077475), 13);
    // Γ(x) ~ 1/x as x → 0
    expect(lgamma(1e-10)).toBeCloseTo(-Math.log(1e-10) - 0.5772156649e-10, 9);
  });

  it('uses the reflection formula for negative non-integers and is infinite at poles', () => {
    // Γ(-0.5) = -2√π
    expect(lgamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13);
    expect(lgamma(0)).toBe(Infinity);
    expect(lgamma(-3)).toBe(Infinity);
    expect(lgamma(NaN)).toBeNaN();
  });

  it('agrees with Stirling series for large arguments', () => {
    for (const x of [50, 1e3, 1e6]) {
      const stirling =
        (x - 0.5) * Math.log(x) -
        x +
        0.5 * Math.log(2 * Math.PI) +
        1 / (12 * x) -
        1 / (360 * x ** 3) +
        1 / (1260 * x ** 5);
      expect(Math.abs(lgamma(x) - stirling) / stirling).toBeLessThan(1e-14);
    }
  });

  it('logBeta(a, b) = log Γ(a) + log Γ(b) - log Γ(a+b)', () => {
    expect(logBeta(1, 1)).toBeCloseTo(0, 14);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
  });
});
