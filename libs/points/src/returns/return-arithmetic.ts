export interface ReturnableLine {
  lineNo: number;
  sku: string;
  quantity: number;
  unitPrice: number;
  points: number;
  returnedQuantity: number;
}

export interface ReturnPlan {
  /** Units returned now, per line number. */
  units: Map<number, number>;
  pointsToReverse: number;
  pointsToRefund: number;
  fullyReturned: boolean;
}

/** What is taken back after `returned` of `quantity` units: floors, so partial returns never overshoot. */
const share = (total: number, returned: number, quantity: number): number =>
  quantity === 0 ? 0 : Math.floor((total * returned) / quantity);

/**
 * Spreads the returned units over the order's lines with that SKU, then works out, from the
 * cumulative units returned before and after, how many earned points to take back (each line's
 * own points, plus order-level bonuses in proportion to value) and how many redeemed points to
 * give back (in proportion to value). Cumulative shares make any sequence of partial returns add
 * up to exactly the full amounts.
 */
export function planReturn(
  lines: ReturnableLine[],
  request: { sku: string; quantity: number }[],
  order: { subtotal: number; bonusPoints: number; pointsRedeemed: number },
): ReturnPlan | { sku: string; returnable: number } {
  const units = new Map<number, number>();
  const wanted = new Map<string, number>();
  for (const r of request) {
    wanted.set(r.sku, (wanted.get(r.sku) ?? 0) + r.quantity);
  }
  for (const [sku, quantity] of wanted) {
    let left = quantity;
    const candidates = lines.filter((l) => l.sku === sku);
    const returnable = candidates.reduce((sum, l) => sum + l.quantity - l.returnedQuantity, 0);
    if (returnable < quantity) {
      return { sku, returnable };
    }
    for (const line of candidates) {
      const take = Math.min(left, line.quantity - line.returnedQuantity);
      if (take > 0) {
        units.set(line.lineNo, take);
      }
      left -= take;
    }
  }
  let lineReversal = 0;
  let valueBefore = 0;
  let valueAfter = 0;
  let allReturned = true;
  for (const line of lines) {
    const now = units.get(line.lineNo) ?? 0;
    const after = line.returnedQuantity + now;
    lineReversal +=
      share(line.points, after, line.quantity) -
      share(line.points, line.returnedQuantity, line.quantity);
    valueBefore += line.unitPrice * line.returnedQuantity;
    valueAfter += line.unitPrice * after;
    if (after < line.quantity) {
      allReturned = false;
    }
  }
  const bonusReversal =
    share(order.bonusPoints, valueAfter, order.subtotal) -
    share(order.bonusPoints, valueBefore, order.subtotal);
  const refund =
    share(order.pointsRedeemed, valueAfter, order.subtotal) -
    share(order.pointsRedeemed, valueBefore, order.subtotal);
  return {
    units,
    pointsToReverse: lineReversal + bonusReversal,
    pointsToRefund: refund,
    fullyReturned: allReturned,
  };
}
