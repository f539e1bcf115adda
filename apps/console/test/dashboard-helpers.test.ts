import { describe, expect, it } from 'vitest';
import { formatMonth } from '../src/format/format';
import { bucketLabel } from '../src/pages/dashboard/clv-buckets';
import {
  defaultPeriod,
  isValidPeriod,
  periodFromSearch,
} from '../src/pages/dashboard/dashboard-period';
import { modelParameters } from '../src/pages/dashboard/model-parameters';
import { monthLabel } from '../src/pages/dashboard/month-label';
import { calendarOf } from '../src/pages/dashboard/report-calendar';
import { isSegment } from '../src/pages/members/segment-labels';

const TODAY = new Date('2026-05-12T15:00:00Z');

describe('the dashboard period', () => {
  it('is the last 12 months up to today by default', () => {
    expect(defaultPeriod(TODAY)).toEqual({ from: '2025-05-13', to: '2026-05-12' });
    // A leap day's year-earlier date rolls over rather than failing.
    expect(defaultPeriod(new Date('2028-02-29T00:00:00Z'))).toEqual({
      from: '2027-03-02',
      to: '2028-02-29',
    });
  });

  it('comes from the address when it is a well-formed period', () => {
    const search = new URLSearchParams('from=1997-01-01&to=1998-06-30');
    expect(periodFromSearch(search, TODAY)).toEqual({ from: '1997-01-01', to: '1998-06-30' });
  });

  it('falls back to the default for a missing, malformed or backwards period', () => {
    for (const query of [
      '',
      'from=1997-01-01',
      'from=1997-1-1&to=1998-06-30',
      'from=1998-07-01&to=1998-06-30',
      'from=1997-02-30&to=1997-03-01x',
    ]) {
      expect(periodFromSearch(new URLSearchParams(query), TODAY)).toEqual(defaultPeriod(TODAY));
    }
    expect(isValidPeriod({ from: '2026-01-01', to: '2026-01-01' })).toBe(true);
    expect(isValidPeriod({ from: '', to: '2026-01-01' })).toBe(false);
  });
});

describe('report months', () => {
  it('are asked for in the reader calendar', () => {
    expect(calendarOf('fa')).toBe('persian');
    expect(calendarOf('en')).toBe('gregorian');
  });

  const formats = (language: 'en' | 'fa') => ({
    month: (value: string | Date, timeZone?: string) => formatMonth(language, value, timeZone),
    digits: (value: string) => value,
  });

  it('are named from their start in the program time zone', () => {
    // 1 Farvardin 1405 begins at 20:30 UTC the evening before, in Tehran.
    const farvardin = { month: '1405-01', start: '2026-03-20T20:30:00.000Z' };
    expect(monthLabel(farvardin, formats('fa'), 'Asia/Tehran')).toContain('فروردین');
    const march = { month: '2026-03', start: '2026-03-01T00:00:00.000Z' };
    expect(monthLabel(march, formats('en'), 'UTC')).toBe('Mar 2026');
  });

  it('leave "never expires" to the caller', () => {
    expect(monthLabel({ month: null, start: null }, formats('en'), 'UTC')).toBeNull();
  });
});

describe('the CLV histogram', () => {
  const words = {
    range: (from: string, to: string) => `${from} to ${to}`,
    orMore: (from: string) => `${from} or more`,
  };
  const amount = (minor: number) => `$${minor / 100}`;

  it('names a bucket by its bounds, the last one open-ended', () => {
    expect(bucketLabel({ from: 0, to: 5000 }, amount, words)).toBe('$0 to $50');
    expect(bucketLabel({ from: 50000, to: null }, amount, words)).toBe('$500 or more');
  });
});

describe('the model parameters', () => {
  it('lists BG/NBD r, α, a, b then Gamma-Gamma p, q, γ', () => {
    const parameters = modelParameters({
      bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      gammaGamma: { p: 6.25, q: 3.74, gamma: 1544 },
    });
    expect(parameters.map((p) => [p.model, p.symbol, p.value])).toEqual([
      ['bgnbd', 'r', 0.243],
      ['bgnbd', 'α', 4.414],
      ['bgnbd', 'a', 0.793],
      ['bgnbd', 'b', 2.426],
      ['gammaGamma', 'p', 6.25],
      ['gammaGamma', 'q', 3.74],
      ['gammaGamma', 'γ', 1544],
    ]);
  });
});

describe('the members segment filter', () => {
  it('takes only a segment the API knows', () => {
    expect(isSegment('champions')).toBe(true);
    expect(isSegment('cannot_lose_them')).toBe(true);
    expect(isSegment('everyone')).toBe(false);
    expect(isSegment(null)).toBe(false);
  });
});
