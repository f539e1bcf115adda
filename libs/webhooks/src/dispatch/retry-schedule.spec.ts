import { nextRetryDelayMs, parseRetryAfter } from './retry-schedule';

const SVIX = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

describe('nextRetryDelayMs', () => {
  it('follows the schedule after each failed attempt, and stops when it is used up', () => {
    const half = (): number => 0.5; // no jitter
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => nextRetryDelayMs(SVIX, n, null, half))).toEqual(
      SVIX.slice(1),
    );
    expect(nextRetryDelayMs(SVIX, 8, null, half)).toBeNull();
  });

  it('jitters each delay by at most 10%', () => {
    expect(nextRetryDelayMs(SVIX, 2, null, () => 0)).toBe(270_000);
    expect(nextRetryDelayMs(SVIX, 2, null, () => 1)).toBe(330_000);
  });

  it('waits as long as Retry-After asks when that is longer, up to a day', () => {
    const half = (): number => 0.5;
    expect(nextRetryDelayMs(SVIX, 1, 60_000, half)).toBe(60_000);
    expect(nextRetryDelayMs(SVIX, 2, 60_000, half)).toBe(300_000);
    expect(nextRetryDelayMs(SVIX, 1, 3 * 86_400_000, half)).toBe(5_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 4, 1, 10, 0, 0);
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 01 May 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Fri, 01 May 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
