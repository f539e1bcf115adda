import type { components } from '../../../api/schema';

export type Comparison = components['schemas']['ComparisonDto'];

export type UpliftRowKey = 'treated' | 'holdout' | 'uplift';

/** One line of a comparison's table: a group's mean per member, or the uplift with its interval. */
export interface UpliftRow {
  key: UpliftRowKey;
  value: number;
  low: number | null;
  high: number | null;
}

/** Where the interval lies: above zero, below zero, or across it (no clear effect). */
export type Verdict = 'up' | 'down' | 'unclear';

export function verdictOf(comparison: Comparison): Verdict | null {
  if (comparison.ci95 === null) {
    return null;
  }
  const [low, high] = comparison.ci95 as [number, number];
  if (low > 0) {
    return 'up';
  }
  if (high < 0) {
    return 'down';
  }
  return 'unclear';
}

/** The three rows, each value divided by `per` (minor units per major for money; 1 otherwise). */
export function upliftRows(comparison: Comparison, per = 1): UpliftRow[] {
  const [low, high] = (comparison.ci95 as [number, number] | null) ?? [null, null];
  return [
    { key: 'treated', value: comparison.treated / per, low: null, high: null },
    { key: 'holdout', value: comparison.holdout / per, low: null, high: null },
    {
      key: 'uplift',
      value: comparison.uplift / per,
      low: low === null ? null : low / per,
      high: high === null ? null : high / per,
    },
  ];
}

/** A chart point: the groups as bars, the uplift as a point whose error bar is [value − low, high − value]. */
export interface UpliftPoint {
  label: string;
  treated?: number;
  holdout?: number;
  uplift?: number;
  ci?: [number, number];
}

export function chartPoints(
  rows: UpliftRow[],
  label: (key: UpliftRowKey) => string,
): UpliftPoint[] {
  return rows.map((row) => {
    const point: UpliftPoint = { label: label(row.key), [row.key]: row.value };
    if (row.key === 'uplift' && row.low !== null && row.high !== null) {
      point.ci = [row.value - row.low, row.high - row.value];
    }
    return point;
  });
}
