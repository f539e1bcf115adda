import { floorMulDivWithRemainder, toWholeMinorUnits } from './integer-math';

/**
 * Spreads an order-level discount over line amounts in proportion to each amount, in
 * whole minor units (largest-remainder method): every line first gets
 * floor(discount × amount / total); the units still missing go one each to the lines
 * with the largest remainders, earlier lines first on ties.
 *
 * The result sums exactly to the discount and no line gets more than its amount.
 * Lines with zero or negative amounts get 0; a discount above the sum of positive
 * amounts is capped at that sum; a negative discount allocates nothing.
 */
export function allocateDiscount(amounts: readonly number[], discount: number): number[] {
  const weights = amounts.map((amount) => Math.max(0, toWholeMinorUnits(amount)));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const toAllocate = Math.min(Math.max(0, toWholeMinorUnits(discount)), total);
  if (toAllocate === 0) {
    return weights.map(() => 0);
  }

  const shares = weights.map((weight, index) => ({
    index,
    ...floorMulDivWithRemainder(toAllocate, weight, total),
  }));
  const missing = toAllocate - shares.reduce((sum, share) => sum + share.quotient, 0);
  const roundedUp = new Set(
    shares
      .filter((share) => share.remainder > 0)
      .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
      .slice(0, missing)
      .map((share) => share.index),
  );
  return shares.map((share) => share.quotient + (roundedUp.has(share.index) ? 1 : 0));
}

interface DiscountableLine {
  quantity: number;
  unitPrice: number;
  netAmount?: number;
}

/**
 * Returns the lines with netAmount reduced by their share of an order-level discount
 * (coupons, or the part of the order paid with points, so points are earned only on
 * what the member paid). Starts from each line's netAmount if set, else quantity × unitPrice.
 */
export function applyOrderDiscount<T extends DiscountableLine>(
  lines: readonly T[],
  discount: number,
): T[] {
  const amounts = lines.map((line) =>
    toWholeMinorUnits(line.netAmount ?? line.quantity * line.unitPrice),
  );
  const allocations = allocateDiscount(amounts, discount);
  return lines.map((line, index) => ({
    ...line,
    netAmount: (amounts[index] ?? 0) - (allocations[index] ?? 0),
  }));
}
