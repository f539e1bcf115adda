import type { Formatters } from '../../format/use-format';

export interface MonthBucket {
  /** YYYY-MM in the report's calendar; null for "never" where a report has it. */
  month: string | null;
  /** The month's first instant; null where `month` is. */
  start?: string | null;
}

/**
 * A month bucket's name in the reader's calendar and digits, from its first instant read in the
 * program's time zone; `null` for a bucket that is no month (points that never expire).
 */
export function monthLabel(
  bucket: MonthBucket,
  format: Pick<Formatters, 'month' | 'digits'>,
  timeZone: string | undefined,
): string | null {
  if (bucket.start) {
    return format.month(bucket.start, timeZone);
  }
  return bucket.month === null ? null : format.digits(bucket.month);
}
