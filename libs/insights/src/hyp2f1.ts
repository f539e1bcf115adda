// Module-local aliases: global lookups are slow inside Node vm contexts (as under Jest).
const { abs } = Math;

export interface Hyp2f1Options {
  /** Relative size of the last term at which the series is considered converged. */
  tolerance?: number;
  maxTerms?: number;
}

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) by its power series, for |z| < 1.
 * Throws when the series has not converged within maxTerms terms.
 */
export function hyp2f1(
  a: number,
  b: number,
  c: number,
  z: number,
  options: Hyp2f1Options = {},
): number {
  const tolerance = options.tolerance ?? 1e-16;
  const maxTerms = options.maxTerms ?? 1_000_000;
  if (![a, b, c, z].every(Number.isFinite)) {
    throw new RangeError(`hyp2f1: non-finite argument (${a}, ${b}, ${c}, ${z})`);
  }
  if (abs(z) >= 1) {
    throw new RangeError(`hyp2f1: series needs |z| < 1, got ${z}`);
  }
  if (c <= 0 && Number.isInteger(c)) {
    throw new RangeError(`hyp2f1: c must not be 0 or a negative integer, got ${c}`);
  }
  if (z === 0) {
    return 1;
  }

  let term = 1;
  let sum = 1;
  for (let n = 0; n < maxTerms; n++) {
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1));
    term *= ratio * z;
    sum += term;
    // A zero numerator (a or b a non-positive integer) terminates the polynomial.
    if (term === 0) {
      return sum;
    }
    // Only stop once the terms are shrinking, otherwise a small early term could stop us
    // before a hump of growing terms (happens when a·b is large relative to c).
    if (abs(ratio * z) < 1 && abs(term) <= tolerance * abs(sum)) {
      return sum;
    }
  }
  throw new Error(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${maxTerms} terms`);
}
