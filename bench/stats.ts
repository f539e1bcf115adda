/** Latency summary in milliseconds; percentiles by nearest rank. */
export interface LatencySummary {
  samples: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function summarizeLatencies(values: number[]): LatencySummary {
  if (values.length === 0) {
    return { samples: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
  }
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  let sum = 0;
  for (const v of sorted) {
    sum += v;
  }
  return {
    samples: sorted.length,
    meanMs: round(sum / sorted.length),
    p50Ms: round(rank(50)),
    p95Ms: round(rank(95)),
    p99Ms: round(rank(99)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
  };
}

export const round = (value: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
