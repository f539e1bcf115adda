import { mulberry32, sampleBeta, sampleGamma } from './random';

function moments(draws: readonly number[]): { mean: number; variance: number } {
  const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
  const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws.length - 1);
  return { mean, variance };
}

describe('test random samplers', () => {
  it('mulberry32 is deterministic and uniform-looking', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const draws = Array.from({ length: 100_000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    const { mean, variance } = moments(draws);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });

  it('gamma and beta samplers have the right first two moments', () => {
    const uniform = mulberry32(7);
    for (const [shape, rate] of [
      [0.3, 2],
      [2.5, 0.5],
    ] as const) {
      const { mean, variance } = moments(
        Array.from({ length: 100_000 }, () => sampleGamma(uniform, shape, rate)),
      );
      expect(Math.abs(mean / (shape / rate) - 1)).toBeLessThan(0.02);
      expect(Math.abs(variance / (shape / rate ** 2) - 1)).toBeLessThan(0.05);
    }
    const [a, b] = [0.8, 2.5];
    const { mean, variance } = moments(
      Array.from({ length: 100_000 }, () => sampleBeta(uniform, a, b)),
    );
    expect(Math.abs(mean / (a / (a + b)) - 1)).toBeLessThan(0.02);
    expect(Math.abs(variance / ((a * b) / ((a + b) ** 2 * (a + b + 1))) - 1)).toBeLessThan(0.05);
  });
});
