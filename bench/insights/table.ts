import type { CpuUse } from './cpu';
import type { StatementCost } from './statements';

export const STEPS = ['import', 'fit', 'campaign'] as const;
export type StepName = (typeof STEPS)[number];

export const STEP_TITLES: Record<StepName, string> = {
  import: 'import (CLI)',
  fit: 'model fit + scoring',
  campaign: 'campaign run',
};

/** The issue's targets: at 1M members each step within 60 s, and 1M/100k within 11×. */
export const TARGET_SECONDS_AT_1M = 60;
export const TARGET_RATIO_PER_10X = 11;

export interface StepResult {
  step: StepName;
  seconds: number;
  units: number;
  unit: 'rows' | 'members';
  unitsPerSecond: number;
  cpu: CpuUse;
  /** Other programs used more than DISTURBED_CORES while the step ran. */
  disturbed: boolean;
  detail: Record<string, unknown>;
  statements: StatementCost[] | null;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface DatasetResult {
  name: string;
  kind: 'synthetic' | 'cdnow';
  members: number;
  rows: number;
  repeatCustomers: number | null;
  fileBytes: number;
  generateSeconds: number;
  steps: StepResult[];
  checks: Check[];
}

export interface Comparison {
  step: StepName;
  small: string;
  large: string;
  smallSeconds: number;
  largeSeconds: number;
  sizeRatio: number;
  ratio: number;
  /** TARGET_SECONDS_AT_1M scaled to the large size (60 s at 1M). */
  targetSeconds: number;
  /** TARGET_RATIO_PER_10X scaled to the size ratio (11× for 10× the members). */
  targetRatio: number;
  secondsOk: boolean;
  ratioOk: boolean;
  /** Other programs were busy during the step at either size. */
  disturbed: boolean;
}

export const DISTURBED_CORES = 0.15;

const fmt = (value: number, digits = 1): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const sizeName = (members: number): string =>
  members >= 1_000_000 && members % 1_000_000 === 0
    ? `${members / 1_000_000}M`
    : members >= 1_000 && members % 1_000 === 0
      ? `${members / 1_000}k`
      : String(members);

/** Step × size seconds and rates, the large/small ratio per step and the verdicts. */
export function compare(datasets: DatasetResult[]): Comparison[] {
  const synthetic = datasets
    .filter((d) => d.kind === 'synthetic')
    .sort((u, v) => u.members - v.members);
  const small = synthetic[0];
  const large = synthetic[synthetic.length - 1];
  if (!small || !large) {
    return [];
  }
  const comparisons: Comparison[] = [];
  for (const step of STEPS) {
    const s = small.steps.find((r) => r.step === step);
    const l = large.steps.find((r) => r.step === step);
    if (!l) {
      continue;
    }
    const sizeRatio = large.members / small.members;
    const ratio = s && small !== large ? l.seconds / s.seconds : NaN;
    const targetSeconds = (TARGET_SECONDS_AT_1M * large.members) / 1_000_000;
    const targetRatio = (TARGET_RATIO_PER_10X / 10) * sizeRatio;
    comparisons.push({
      step,
      small: small.name,
      large: large.name,
      smallSeconds: s?.seconds ?? NaN,
      largeSeconds: l.seconds,
      sizeRatio,
      ratio,
      targetSeconds,
      targetRatio,
      secondsOk: l.seconds <= targetSeconds,
      ratioOk: Number.isNaN(ratio) ? true : ratio <= targetRatio,
      disturbed: (s?.disturbed ?? false) || l.disturbed,
    });
  }
  return comparisons;
}

function table(header: string[], rows: string[][], right: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells
      .map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w, i) => (right[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

/** Markdown tables: per dataset and step, then the scaling comparison. */
export function renderTables(datasets: DatasetResult[], comparisons: Comparison[]): string {
  const perStep = table(
    [
      'data',
      'members',
      'rows',
      'step',
      'seconds',
      'rate',
      'CPU bench / CLI / postgres (s)',
      'iowait (cores)',
      'other programs (cores)',
    ],
    datasets.flatMap((d) =>
      d.steps.map((s) => [
        d.name,
        d.members.toLocaleString('en-US'),
        d.rows.toLocaleString('en-US'),
        STEP_TITLES[s.step],
        fmt(s.seconds, 2),
        `${Math.round(s.unitsPerSecond).toLocaleString('en-US')} ${s.unit}/s`,
        `${fmt(s.cpu.benchCpuSeconds)} / ${fmt(s.cpu.cliCpuSeconds)} / ${fmt(s.cpu.postgresCpuSeconds)}`,
        fmt(s.cpu.iowaitCores, 2),
        `${fmt(s.cpu.otherCores, 2)}${s.disturbed ? ' DISTURBED' : ''}`,
      ]),
    ),
    [false, true, true, false, true, true, true, true, true],
  );
  if (comparisons.length === 0) {
    return perStep;
  }
  const first = comparisons[0];
  const scaling = table(
    [
      'step',
      `${first?.small ?? ''} s`,
      `${first?.large ?? ''} s`,
      `${first?.large ?? ''}/${first?.small ?? ''}`,
      `target ${first?.large ?? ''} ≤ ${fmt(first?.targetSeconds ?? 0, 0)} s`,
      `target ratio ≤ ${fmt(first?.targetRatio ?? 0, 1)}×`,
      'measured while other programs ran',
    ],
    comparisons.map((c) => [
      STEP_TITLES[c.step],
      fmt(c.smallSeconds, 2),
      fmt(c.largeSeconds, 2),
      Number.isNaN(c.ratio) ? 'n/a' : `${fmt(c.ratio, 2)}×`,
      c.secondsOk ? 'PASS' : 'FAIL',
      Number.isNaN(c.ratio) ? 'n/a' : c.ratioOk ? 'PASS' : 'FAIL',
      c.disturbed ? 'yes: not a clean comparison' : 'no',
    ]),
    [false, true, true, true, false, false, false],
  );
  return `${perStep}\n\n${scaling}`;
}
