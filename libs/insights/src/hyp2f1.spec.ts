import { hyp2f1 } from './hyp2f1';

const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.abs(expected);

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    for (const z of [0.01, 0.3, 0.7, 0.95, 0.999]) {
      expect(relativeError(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z)).toBeLessThan(5e-13);
      expect(relativeError(hyp2f1(0.37, 2.5, 2.5, z), Math.pow(1 - z, -0.37))).toBeLessThan(5e-13);
      const w = Math.sqrt(z);
      expect(relativeError(hyp2f1(0.5, 0.5, 1.5, z), Math.asin(w) / w)).toBeLessThan(5e-13);
    }
    // Negative z: 2F1(1,1;2;-z) = log(1+z)/z
    expect(relativeError(hyp2f1(1, 1, 2, -0.5), Math.log(1.5) / 0.5)).toBeLessThan(1e-14);
  });

  it('terminates for a non-positive integer numerator parameter (polynomial case)', () => {
    // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z²/(c(c+1))
    const b = 1.7;
    const c = 3.2;
    const z = 0.4;
    expect(hyp2f1(-2, b, c, z)).toBeCloseTo(
      1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)),
      14,
    );
  });

  it('does not stop on a small term before a hump of growing terms', () => {
    // Terms grow for the first ~50 steps here; the closed form is (1-z)^-a.
    expect(relativeError(hyp2f1(60, 3, 3, 0.5), Math.pow(0.5, -60))).toBeLessThan(1e-12);
  });

  it('rejects arguments outside the series domain', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, NaN, 2, 0.5)).toThrow(RangeError);
  });
});
