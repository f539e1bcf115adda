import { numericalHessian } from '../hessian';

/** The inverse of a small symmetric positive-definite matrix (Gauss-Jordan with pivoting). */
function inverse(m: readonly (readonly number[])[]): number[][] {
  const n = m.length;
  const rows = m.map((row, i) => [
    ...row,
    ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  ]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(rows[r]?.[col] ?? 0) > Math.abs(rows[pivot]?.[col] ?? 0)) {
        pivot = r;
      }
    }
    [rows[col], rows[pivot]] = [rows[pivot] ?? [], rows[col] ?? []];
    const lead = rows[col] ?? [];
    const scale = lead[col] ?? NaN;
    for (let j = 0; j < 2 * n; j++) {
      lead[j] = (lead[j] ?? 0) / scale;
    }
    for (let r = 0; r < n; r++) {
      const row = rows[r] ?? [];
      const factor = row[col] ?? 0;
      if (r !== col && factor !== 0) {
        for (let j = 0; j < 2 * n; j++) {
          row[j] = (row[j] ?? 0) - factor * (lead[j] ?? 0);
        }
      }
    }
  }
  return rows.map((row) => row.slice(n));
}

/**
 * Standard errors of the logarithm of each parameter at a maximum of a log-likelihood: the square
 * roots of the diagonal of the inverse observed information, in log-parameters (where the
 * likelihood is closer to quadratic and the parameters stay positive).
 */
export function logStandardErrors<K extends string>(
  logLikelihood: (params: Record<K, number>) => number,
  at: Record<K, number>,
): Record<K, number> {
  const keys = Object.keys(at) as K[];
  const f = (logs: readonly number[]): number =>
    logLikelihood(
      Object.fromEntries(keys.map((k, i) => [k, Math.exp(logs[i] ?? NaN)])) as Record<K, number>,
    );
  const information = numericalHessian(
    f,
    keys.map((k) => Math.log(at[k])),
  ).map((row) => row.map((v) => -v));
  const covariance = inverse(information);
  return Object.fromEntries(
    keys.map((k, i) => [k, Math.sqrt(covariance[i]?.[i] ?? NaN)]),
  ) as Record<K, number>;
}
