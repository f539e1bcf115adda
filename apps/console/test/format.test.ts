import { describe, expect, it } from 'vitest';
import { formatDate, formatDigits, formatNumber } from '../src/format/format';

describe('formatting', () => {
  it('writes Persian digits in Persian and Latin digits in English', () => {
    expect(formatNumber('fa', 1250)).toBe('۱٬۲۵۰');
    expect(formatNumber('en', 1250)).toBe('1,250');
    expect(formatDigits('fa', '+98912')).toBe('+۹۸۹۱۲');
    expect(formatDigits('en', '+98912')).toBe('+98912');
  });

  it('shows dates in the Jalali calendar in Persian', () => {
    // 21 March 2026 is 1 Farvardin 1405, the Persian new year.
    const persian = formatDate('fa', '2026-03-21T12:00:00Z');
    expect(persian).toContain('۱۴۰۵');
    expect(persian).toContain('فروردین');
    expect(formatDate('en', '2026-03-21T12:00:00Z')).toBe('21 Mar 2026');
  });
});
