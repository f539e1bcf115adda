/**
 * The ratios issue 17 sets targets for, each from figures measured in the same run, and whether
 * the run met them. They go into the run's JSON (`targets`) and into the table's notes.
 */

export type TargetId =
  | 'checkoutsPerPgbenchTps'
  | 'cpuPerCheckoutPerPgbenchTx'
  | 'creditsPerPgbenchTps'
  | 'apiHealthPerBareHealth'
  | 'mePerCheckout';

export interface TargetResult {
  id: TargetId;
  metric: string;
  /** The ratio (null when a figure it needs was not measured). */
  value: number | null;
  /** As written in the issue, e.g. "≥ 0.35". */
  target: string;
  /** Null when not measured. */
  met: boolean | null;
}

const DEFINITIONS: Record<TargetId, { metric: string; atLeast: boolean; bound: string }> = {
  checkoutsPerPgbenchTps: {
    metric: 'checkouts/s (peak) ÷ pgbench TPS',
    atLeast: true,
    bound: '0.35',
  },
  cpuPerCheckoutPerPgbenchTx: {
    metric: 'machine CPU per checkout (peak) ÷ CPU per pgbench tx',
    atLeast: false,
    bound: '2.7',
  },
  creditsPerPgbenchTps: {
    metric: 'ledger credits/s ÷ pgbench TPS',
    atLeast: true,
    bound: '0.74',
  },
  apiHealthPerBareHealth: {
    metric: 'API GET /health req/s ÷ bare node:http GET /health req/s',
    atLeast: true,
    bound: '0.90',
  },
  mePerCheckout: {
    metric: 'GET /v1/me req/s ÷ checkouts/s (peak)',
    atLeast: true,
    bound: '3.0',
  },
};

/** `numerator ÷ denominator` to 3 digits; null when either is missing or the denominator is 0. */
export function ratio(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): number | null {
  if (numerator === null || numerator === undefined || !denominator) {
    return null;
  }
  return Math.round((numerator / denominator) * 1000) / 1000;
}

/** The targets whose figures this run measured, in the order. */
export function evaluateTargets(values: Partial<Record<TargetId, number | null>>): TargetResult[] {
  return (Object.keys(DEFINITIONS) as TargetId[])
    .filter((id) => values[id] !== undefined)
    .map((id) => {
      const { metric, atLeast, bound } = DEFINITIONS[id];
      const value = values[id] ?? null;
      const limit = Number(bound);
      return {
        id,
        metric,
        value,
        target: `${atLeast ? '≥' : '≤'} ${bound}`,
        met: value === null ? null : atLeast ? value >= limit : value <= limit,
      };
    });
}

/** "target ≥ 0.35: met" for the table's notes. */
export function targetNote(targets: TargetResult[], id: TargetId): string {
  const t = targets.find((x) => x.id === id);
  if (!t) {
    return '';
  }
  const verdict = t.met === null ? 'not measured' : t.met ? 'met' : 'not met';
  return `target ${t.target}: ${verdict}`;
}
