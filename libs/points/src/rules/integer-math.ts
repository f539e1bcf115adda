/** Decimal rates and multipliers are held as integer counts of 1/10 000ths. */
export const DECIMAL_SCALE = 10_000;

/** Rounds to 4 decimal places and scales to an integer: 0.1 -> 1000, 1.5 -> 15000. */
export function toScaledDecimal(value: number): number {
  return Number.isFinite(value) ? Math.round(value * DECIMAL_SCALE) : 0;
}

/** Minor-unit amounts must be whole; anything fractional is floored, non-finite becomes 0. */
export function toWholeMinorUnits(value: number): number {
  return Number.isFinite(value) ? Math.floor(value) : 0;
}

export interface FloorDivision {
  quotient: number;
  /** Always in [0, |divisor|) for a positive divisor. */
  remainder: number;
}

/** Exact floor(a * b / divisor) for integers; BigInt keeps a * b exact beyond 2^53. */
export function floorMulDivWithRemainder(a: number, b: number, divisor: number): FloorDivision {
  if (!Number.isInteger(a) || !Number.isInteger(b) || !Number.isInteger(divisor) || divisor === 0) {
    throw new RangeError(
      `floorMulDiv needs integers and a non-zero divisor (got ${a}, ${b}, ${divisor})`,
    );
  }
  const numerator = BigInt(a) * BigInt(b);
  const d = BigInt(divisor);
  let quotient = numerator / d;
  let remainder = numerator % d;
  // BigInt division truncates toward zero; step down to get the floor.
  if (remainder !== BigInt(0) && remainder < BigInt(0) !== d < BigInt(0)) {
    quotient -= BigInt(1);
    remainder += d;
  }
  return { quotient: Number(quotient), remainder: Number(remainder) };
}

export function floorMulDiv(a: number, b: number, divisor: number): number {
  return floorMulDivWithRemainder(a, b, divisor).quotient;
}

/**
 * floor(total * part / whole) in exact integer math, e.g. the points to reverse when
 * `part` of an order worth `whole` is returned. `part` is clamped to 0..whole so the
 * share never exceeds `total`; a non-positive `whole` yields 0.
 */
export function proportionalShare(total: number, part: number, whole: number): number {
  const wholeUnits = toWholeMinorUnits(whole);
  if (wholeUnits <= 0) {
    return 0;
  }
  const partUnits = Math.min(Math.max(toWholeMinorUnits(part), 0), wholeUnits);
  return floorMulDiv(toWholeMinorUnits(total), partUnits, wholeUnits);
}
