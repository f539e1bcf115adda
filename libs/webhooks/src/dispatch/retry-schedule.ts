/** A Retry-After longer than this is not waited for: the schedule's own delay applies. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * The delay before the next attempt after `attemptsMade` attempts have failed, or null when the
 * schedule is used up. `schedule[i]` is the delay before attempt i + 1 (the first is normally 0);
 * each gets ±10% jitter so retries after an outage spread out; a receiver's Retry-After (when
 * longer, and up to a day) is honoured.
 */
export function nextRetryDelayMs(
  schedule: readonly number[],
  attemptsMade: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number | null {
  const base = schedule[attemptsMade];
  if (base === undefined) {
    return null;
  }
  const jittered = Math.round(base * (0.9 + 0.2 * random()));
  const asked = retryAfterMs !== null && retryAfterMs <= MAX_RETRY_AFTER_MS ? retryAfterMs : 0;
  return Math.max(jittered, asked);
}

/** Retry-After as delay-seconds or an HTTP date, in ms from `now`; null when absent or bad. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) {
    return null;
  }
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) {
    return Number(text) * 1000;
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
