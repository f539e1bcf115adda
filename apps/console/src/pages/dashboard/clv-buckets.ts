export interface HistogramBucket {
  /** Minor units, inclusive. */
  from: number;
  /** Minor units, exclusive; null for the open-ended last bucket. */
  to: number | null;
  members: number;
}

interface BucketWords {
  /** "{{from}} to {{to}}" */
  range: (from: string, to: string) => string;
  /** "{{from}} or more" */
  orMore: (from: string) => string;
}

/** A histogram bucket's name: its bounds as money, the last one open-ended. */
export function bucketLabel(
  bucket: Pick<HistogramBucket, 'from' | 'to'>,
  amount: (minor: number) => string,
  words: BucketWords,
): string {
  return bucket.to === null
    ? words.orMore(amount(bucket.from))
    : words.range(amount(bucket.from), amount(bucket.to));
}
