// Module-local aliases: global lookups are slow inside Node vm contexts (as under Jest).
const { abs, exp, log, log1p } = Math;
const NEGATIVE_INFINITY = Number.NEGATIVE_INFINITY;

/** log(exp(a) + exp(b)) without overflow or underflow. */
export function logAddExp(a: number, b: number): number {
  if (a === NEGATIVE_INFINITY) {
    return b;
  }
  if (b === NEGATIVE_INFINITY) {
    return a;
  }
  const max = a > b ? a : b;
  return max + log1p(exp(-abs(a - b)));
}

/** log(Σ exp(values[i])) without overflow or underflow; -Infinity for an empty list. */
export function logSumExp(values: readonly number[]): number {
  let max = NEGATIVE_INFINITY;
  for (const v of values) {
    if (v > max || v !== v) {
      max = v;
    }
  }
  if (max === NEGATIVE_INFINITY || !Number.isFinite(max)) {
    return max;
  }
  let sum = 0;
  for (const v of values) {
    sum += exp(v - max);
  }
  return max + log(sum);
}

/** log(1 + exp(v)), accurate for large and very negative v. */
export function log1pExp(v: number): number {
  return v > 0 ? v + log1p(exp(-v)) : log1p(exp(v));
}
