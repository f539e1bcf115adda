/** Sufficient statistics per customer, as parallel arrays (one entry per customer or group). */
export interface BgNbdData {
  /** Repeat purchases (distinct purchase periods - 1). */
  x: readonly number[];
  /** Recency: time of last purchase, measured from the first purchase. */
  tx: readonly number[];
  /** Age: time from the first purchase to the end of observation. */
  T: readonly number[];
  /** Number of customers each entry stands for (default 1 each). */
  weights?: readonly number[];
}

export interface BgNbdRow {
  x: number;
  tx: number;
  T: number;
  weight: number;
}

/** Validates BG/NBD data and merges entries with identical (x, tx, T), summing their weights. */
export function groupBgNbdData(data: BgNbdData): BgNbdRow[] {
  const { x, tx, T, weights } = data;
  const n = x.length;
  if (tx.length !== n || T.length !== n || (weights !== undefined && weights.length !== n)) {
    throw new RangeError('BG/NBD data: x, tx, T (and weights) must have the same length');
  }
  const groups = new Map<string, BgNbdRow>();
  for (let i = 0; i < n; i++) {
    const xi = x[i] ?? NaN;
    const Ti = T[i] ?? NaN;
    const weight = weights === undefined ? 1 : (weights[i] ?? NaN);
    // Recency carries no information without repeat purchases; normalising it improves grouping.
    const txi = xi === 0 ? 0 : (tx[i] ?? NaN);
    if (!Number.isInteger(xi) || xi < 0) {
      throw new RangeError(`BG/NBD data: x[${i}] must be a non-negative integer, got ${xi}`);
    }
    if (!Number.isFinite(Ti) || Ti < 0) {
      throw new RangeError(`BG/NBD data: T[${i}] must be finite and >= 0, got ${Ti}`);
    }
    if (!Number.isFinite(txi) || txi < 0 || txi > Ti) {
      throw new RangeError(`BG/NBD data: tx[${i}] must lie in [0, T], got tx=${txi}, T=${Ti}`);
    }
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`BG/NBD data: weights[${i}] must be finite and >= 0`);
    }
    if (weight === 0) {
      continue;
    }
    const key = `${xi}|${txi}|${Ti}`;
    const group = groups.get(key);
    if (group) {
      group.weight += weight;
    } else {
      groups.set(key, { x: xi, tx: txi, T: Ti, weight });
    }
  }
  return [...groups.values()];
}
