import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import fa from '../src/i18n/fa.json';
import {
  GROUP_FILTERS,
  SKIP_REASONS,
  UPLIFT_ROWS,
  VERDICTS,
} from '../src/pages/campaigns/run-results/run-labels';
import {
  chartPoints,
  upliftRows,
  verdictOf,
  type Comparison,
} from '../src/pages/campaigns/run-results/uplift';

const lookup = (tree: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);

describe('campaign run results', () => {
  it('has both languages for every label the page builds at run time', () => {
    const keys = [
      ...GROUP_FILTERS.map((group) => `campaigns.results.members.groups.${group}`),
      ...SKIP_REASONS.map((reason) => `campaigns.results.members.reasons.${reason}`),
      ...UPLIFT_ROWS.map((row) => `campaigns.results.rows.${row}`),
      ...VERDICTS.map((verdict) => `campaigns.results.verdict.${verdict}`),
    ];
    for (const tree of [en, fa]) {
      expect(keys.filter((key) => typeof lookup(tree, key) !== 'string')).toEqual([]);
    }
  });

  it('reads the interval: above zero, below zero, across zero, or none', () => {
    const of = (ci95: [number, number] | null): Comparison => ({
      treated: 1,
      holdout: 1,
      uplift: 0,
      ci95,
    });
    expect(verdictOf(of([0.1, 0.3]))).toBe('up');
    expect(verdictOf(of([-0.3, -0.1]))).toBe('down');
    expect(verdictOf(of([-0.1, 0.3]))).toBe('unclear');
    expect(verdictOf(of(null))).toBeNull();
  });

  it('scales money to major units and gives the uplift point its error bar as distances', () => {
    const spend: Comparison = { treated: 5200, holdout: 4000, uplift: 1200, ci95: [-300, 2700] };
    const rows = upliftRows(spend, 100);
    expect(rows).toEqual([
      { key: 'treated', value: 52, low: null, high: null },
      { key: 'holdout', value: 40, low: null, high: null },
      { key: 'uplift', value: 12, low: -3, high: 27 },
    ]);
    expect(chartPoints(rows, (key) => key.toUpperCase())).toEqual([
      { label: 'TREATED', treated: 52 },
      { label: 'HOLDOUT', holdout: 40 },
      { label: 'UPLIFT', uplift: 12, ci: [15, 15] },
    ]);
  });

  it('draws no error bar without an interval', () => {
    const rows = upliftRows({ treated: 2, holdout: 1, uplift: 1, ci95: null });
    expect(chartPoints(rows, (key) => key)[2]).toEqual({ label: 'uplift', uplift: 1 });
  });
});
