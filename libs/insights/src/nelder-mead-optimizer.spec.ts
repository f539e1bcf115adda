import { minimizeNelderMead } from './nelder-mead-optimizer';

describe('minimizeNelderMead', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const result = minimizeNelderMead(([x = 0, y = 0]) => (x - 3) ** 2 + 10 * (y + 1) ** 2, [0, 0]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 6);
    expect(result.x[1]).toBeCloseTo(-1, 6);
  });

  it('solves the Rosenbrock valley in 2 and 4 dimensions', () => {
    const rosenbrock = (x: readonly number[]): number => {
      let sum = 0;
      for (let i = 0; i + 1 < x.length; i++) {
        const xi = x[i] ?? 0;
        const next = x[i + 1] ?? 0;
        sum += 100 * (next - xi * xi) ** 2 + (1 - xi) ** 2;
      }
      return sum;
    };
    for (const start of [
      [-1.2, 1],
      [-1, 2, -1, 2],
    ]) {
      const result = minimizeNelderMead(rosenbrock, start, {
        fTolerance: 1e-14,
        xTolerance: 1e-9,
        maxEvaluations: 50_000,
      });
      expect(result.converged).toBe(true);
      for (const xi of result.x) {
        expect(xi).toBeCloseTo(1, 5);
      }
    }
  });

  it('treats NaN as +Infinity and is deterministic', () => {
    const f = ([x = 0]: readonly number[]): number => (x < 0 ? NaN : (x - 2) ** 2);
    const first = minimizeNelderMead(f, [5]);
    const second = minimizeNelderMead(f, [5]);
    expect(first.x[0]).toBeCloseTo(2, 6);
    expect(second).toEqual(first);
  });

  it('reports non-convergence when the evaluation budget runs out', () => {
    const result = minimizeNelderMead(([x = 0, y = 0]) => x * x + y * y, [100, 100], {
      maxEvaluations: 10,
    });
    expect(result.converged).toBe(false);
    // One iteration may overshoot the budget by at most n + 2 evaluations (reflection, contraction, shrink).
    expect(result.evaluations).toBeLessThanOrEqual(10 + 4);
  });
});
