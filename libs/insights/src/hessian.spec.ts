import { choleskyFailure, numericalHessian } from './hessian';

describe('numericalHessian', () => {
  it('recovers the Hessian of a quadratic form exactly enough', () => {
    // f = ½ xᵀAx + bᵀx with A symmetric positive definite.
    const A = [
      [4, 1, 0.5],
      [1, 3, -0.2],
      [0.5, -0.2, 2],
    ];
    const f = (x: readonly number[]): number =>
      0.5 *
        A.reduce(
          (sum, row, i) => sum + row.reduce((s, a, j) => s + a * (x[i] ?? 0) * (x[j] ?? 0), 0),
          0,
        ) +
      (x[0] ?? 0) -
      2 * (x[2] ?? 0);
    const h = numericalHessian(f, [0.3, -1, 2]);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        expect(h[i]?.[j]).toBeCloseTo(A[i]?.[j] ?? NaN, 5);
      }
    }
  });

  it('matches the analytic curvature of a non-quadratic function', () => {
    // f(x, y) = exp(x) + x·y² : f_xx = e^x, f_xy = 2y, f_yy = 2x.
    const f = ([x = 0, y = 0]: readonly number[]): number => Math.exp(x) + x * y * y;
    const h = numericalHessian(f, [0.5, 1.5]);
    expect(h[0]?.[0]).toBeCloseTo(Math.exp(0.5), 5);
    expect(h[0]?.[1]).toBeCloseTo(3, 5);
    expect(h[1]?.[0]).toBeCloseTo(3, 5);
    expect(h[1]?.[1]).toBeCloseTo(1, 5);
  });

  it('is not finite where the function is not', () => {
    const h = numericalHessian(([x = 0]) => (x > 0 ? NaN : x * x), [0]);
    expect(Number.isFinite(h[0]?.[0])).toBe(false);
  });
});

describe('choleskyFailure', () => {
  it('accepts a positive definite matrix', () => {
    expect(
      choleskyFailure([
        [4, 2],
        [2, 3],
      ]),
    ).toBeNull();
  });

  it('names the first pivot of a matrix that is singular, indefinite or not finite', () => {
    // Rank one: the second pivot is 0.
    expect(
      choleskyFailure([
        [1, 1],
        [1, 1],
      ]),
    ).toBe(1);
    expect(
      choleskyFailure([
        [-1, 0],
        [0, 1],
      ]),
    ).toBe(0);
    expect(
      choleskyFailure([
        [1, 0, 0],
        [0, 2, 0],
        [0, 0, NaN],
      ]),
    ).toBe(2);
  });

  it('demands every eigenvalue exceed the margin', () => {
    // Eigenvalues 1 ± 0.999: positive definite, but not with 0.01 to spare.
    const nearlySingular = [
      [1, 0.999],
      [0.999, 1],
    ];
    expect(choleskyFailure(nearlySingular)).toBeNull();
    expect(choleskyFailure(nearlySingular, 0.01)).toBe(1);
    expect(choleskyFailure(nearlySingular, 0.0009)).toBeNull();
  });
});
