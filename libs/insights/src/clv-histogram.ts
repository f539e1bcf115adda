/** How many equal-width buckets a CLV histogram aims at, below its open-ended last one. */
export const CLV_HISTOGRAM_BUCKETS = 10;

/** The round multipliers of a power of ten a bucket width is chosen from. */
const ROUND_STEPS = [1, 2, 2.5, 5, 10];

/**
 * The bucket width of a histogram reaching `top`: the smallest round number (1, 2, 2.5 or 5
 * times a power of ten, a whole number of minor units, at least 1) that covers `top` within
 * `buckets` buckets. So there are between `buckets` / 2 and `buckets` of them.
 */
export function roundBucketWidth(top: number, buckets = CLV_HISTOGRAM_BUCKETS): number {
  const raw = top / buckets;
  if (!(raw > 1)) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of ROUND_STEPS) {
    const width = step * power;
    if (Number.isInteger(width) && width >= raw) {
      return width;
    }
  }
  return 10 * power;
}

export interface HistogramBucket {
  from: number;
  /** Exclusive; null for the open-ended last bucket. */
  to: number | null;
  members: number;
}

/** Equal-width buckets [0, w), [w, 2w) … of which `closed` reach the 99th percentile. */
export interface HistogramLayout {
  width: number;
  closed: number;
}

/** The buckets up to the first edge at or above the 99th percentile `p99`. */
export function clvHistogramLayout(p99: number): HistogramLayout {
  const width = roundBucketWidth(p99);
  return { width, closed: Math.max(1, Math.ceil(p99 / width)) };
}

/**
 * Every bucket of the layout, empty ones too, then an open-ended one; `counts[i]` holds the
 * members of bucket i (index `closed` for the open one).
 */
export function clvHistogram(
  { width, closed }: HistogramLayout,
  counts: ReadonlyMap<number, number>,
): HistogramBucket[] {
  const buckets: HistogramBucket[] = [];
  for (let i = 0; i <= closed; i++) {
    buckets.push({
      from: i * width,
      to: i < closed ? (i + 1) * width : null,
      members: counts.get(i) ?? 0,
    });
  }
  return buckets;
}
