/** Spend statistics per customer, as parallel arrays (one entry per customer or group). */
export interface GammaGammaData {
  /** Repeat purchases. */
  x: readonly number[];
  /** Mean spend of the repeat purchases. */
  mx: readonly number[];
  /** Number of customers each entry stands for (default 1 each). */
  weights?: readonly number[];
}

export interface GammaGammaRow {
  x: number;
  mx: number;
  weight: number;
}

export interface GroupedGammaGammaData {
  rows: GammaGammaRow[];
  /** Weight of entries left out because x = 0 or mx = 0: the model says nothing about them. */
  excluded: number;
}

/**
 * Validates Gamma–Gamma data, drops customers without repeat purchases or with zero mean spend,
 * and merges entries with identical (x, mx).
 */
export function groupGammaGammaData(data: GammaGammaData): GroupedGammaGammaData {
  const { x, mx, weights } = data;
  const n = x.length;
  if (mx.length !== n || (weights !== undefined && weights.length !== n)) {
    throw new RangeError('Gamma-Gamma data: x, mx (and weights) must have the same length');
  }
  const groups = new Map<string, GammaGammaRow>();
  let excluded = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] ?? NaN;
    const mi = mx[i] ?? NaN;
    const weight = weights === undefined ? 1 : (weights[i] ?? NaN);
    if (!Number.isInteger(xi) || xi < 0) {
      throw new RangeError(`Gamma-Gamma data: x[${i}] must be a non-negative integer, got ${xi}`);
    }
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Gamma-Gamma data: weights[${i}] must be finite and >= 0`);
    }
    if (xi === 0) {
      excluded += weight;
      continue;
    }
    if (!Number.isFinite(mi) || mi < 0) {
      throw new RangeError(`Gamma-Gamma data: mx[${i}] must be finite and >= 0, got ${mi}`);
    }
    if (mi === 0) {
      excluded += weight;
      continue;
    }
    if (weight === 0) {
      continue;
    }
    const key = `${xi}|${mi}`;
    const group = groups.get(key);
    if (group) {
      group.weight += weight;
    } else {
      groups.set(key, { x: xi, mx: mi, weight });
    }
  }
  return { rows: [...groups.values()], excluded };
}
