/**
 * Central-difference step in each (log-)coordinate: small against the curvature of a
 * log-likelihood in log-parameters, large against its rounding noise.
 */
const STEP = 1e-3;

/**
 * The Hessian of `f` at `x` by central differences: the diagonal from f(x±h), the off-diagonal
 * from f(x±h_i±h_j). A non-finite value of f makes the entries it feeds non-finite.
 */
export function numericalHessian(
  f: (x: readonly number[]) => number,
  x: readonly number[],
  step = STEP,
): number[][] {
  const n = x.length;
  const at = (...moves: [number, number][]): number => {
    const point = [...x];
    for (const [i, d] of moves) {
      point[i] = (point[i] ?? NaN) + d;
    }
    return f(point);
  };
  const center = f(x);
  const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const row = hessian[i] ?? [];
    row[i] = (at([i, step]) - 2 * center + at([i, -step])) / (step * step);
    for (let j = 0; j < i; j++) {
      const value =
        (at([i, step], [j, step]) -
          at([i, step], [j, -step]) -
          at([i, -step], [j, step]) +
          at([i, -step], [j, -step])) /
        (4 * step * step);
      row[j] = value;
      const column = hessian[j];
      if (column) {
        column[i] = value;
      }
    }
  }
  return hessian;
}

/**
 * Attempts the Cholesky factorisation of the symmetric matrix m - margin·I. Null when it
 * succeeds, i.e. every eigenvalue of m exceeds `margin`; otherwise the index of the first pivot
 * that is not positive (or not finite).
 */
export function choleskyFailure(m: readonly (readonly number[])[], margin = 0): number | null {
  const n = m.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const lj = l[j] ?? [];
    let pivot = (m[j]?.[j] ?? NaN) - margin;
    for (let k = 0; k < j; k++) {
      pivot -= (lj[k] ?? 0) ** 2;
    }
    if (!(pivot > 0) || !Number.isFinite(pivot)) {
      return j;
    }
    const d = Math.sqrt(pivot);
    lj[j] = d;
    for (let i = j + 1; i < n; i++) {
      const li = l[i] ?? [];
      let s = m[i]?.[j] ?? NaN;
      for (let k = 0; k < j; k++) {
        s -= (li[k] ?? 0) * (lj[k] ?? 0);
      }
      if (!Number.isFinite(s)) {
        return j;
      }
      li[j] = s / d;
    }
  }
  return null;
}
