import { describe, expect, it } from 'vitest';
import { formatMonth, formatPercent, formatSignificant } from '../src/format/format';

describe('month and percent formatting', () => {
  it('names the Jalali month in Persian and the Gregorian one in English', () => {
    expect(formatMonth('en', '2026-03-01T00:00:00Z', 'UTC')).toBe('Mar 2026');
    const persian = formatMonth('fa', '2026-03-21T12:00:00Z', 'UTC');
    expect(persian).toContain('فروردین');
    expect(persian).toContain('۱۴۰۵');
  });

  it('reads a month start in the given time zone', () => {
    // 1 Farvardin 1405 at midnight in Tehran is 20:30 UTC on the last day of Esfand.
    const start = '2026-03-20T20:30:00Z';
    expect(formatMonth('fa', start, 'Asia/Tehran')).toContain('فروردین');
    expect(formatMonth('fa', start, 'UTC')).toContain('اسفند');
  });

  it('writes shares as percentages in the language digits', () => {
    expect(formatPercent('en', 0.613)).toBe('61.3%');
    expect(formatPercent('fa', 0.5)).toContain('۵۰');
  });

  it('writes model parameters to 4 significant digits', () => {
    expect(formatSignificant('en', 0.243_17)).toBe('0.2432');
    expect(formatSignificant('en', 1544.37)).toBe('1,544');
    expect(formatSignificant('fa', 4.414)).toBe('۴٫۴۱۴');
  });
});
