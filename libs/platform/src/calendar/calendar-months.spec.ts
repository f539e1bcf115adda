import {
  calendarMonthKeyOf,
  calendarMonthOf,
  groupDaysByMonth,
  localDayOf,
  startOfLocalDay,
} from './calendar-months';

describe('calendar months', () => {
  describe('the Persian (Jalali) calendar', () => {
    it.each([
      ['2026-03-21', '1405-01'], // 1 Farvardin 1405: Nowruz
      ['2026-03-20', '1404-12'], // 29 Esfand 1404, the last day of a common year
      ['2025-03-20', '1403-12'], // 30 Esfand 1403: a leap year's extra day
      ['2025-03-21', '1404-01'], // Nowruz 1404, the day after
      ['2024-03-20', '1403-01'], // Nowruz 1403 falls on 20 March
      ['2024-03-19', '1402-12'],
      ['2026-04-20', '1405-01'], // 31 Farvardin
      ['2026-04-21', '1405-02'], // 1 Ordibehesht
      ['2026-11-22', '1405-09'], // 1 Azar
      ['2026-12-21', '1405-09'], // 30 Azar
      ['2026-12-22', '1405-10'], // 1 Dey
    ])('puts %s in %s', (day, month) => {
      expect(calendarMonthKeyOf(day, 'persian')).toBe(month);
    });

    it('starts a month at local midnight of its first day', () => {
      expect(calendarMonthOf('2026-04-01', 'persian', 'UTC')).toEqual({
        month: '1405-01',
        start: '2026-03-21T00:00:00.000Z',
      });
      // Tehran is 3:30 ahead of UTC (no daylight saving since 2022).
      expect(calendarMonthOf('2026-12-01', 'persian', 'Asia/Tehran')).toEqual({
        month: '1405-09',
        start: '2026-11-21T20:30:00.000Z',
      });
      // Esfand of a leap year still starts on its first day.
      expect(calendarMonthOf('2025-03-20', 'persian', 'UTC')).toEqual({
        month: '1403-12',
        start: '2025-02-19T00:00:00.000Z',
      });
    });

    it('reads an instant in the time zone: 21:00 UTC on 20 March 2026 is Farvardin in Tehran', () => {
      const expiry = new Date('2026-03-20T21:00:00Z');
      expect(localDayOf(expiry, 'UTC')).toBe('2026-03-20');
      expect(calendarMonthKeyOf(localDayOf(expiry, 'UTC'), 'persian')).toBe('1404-12');
      const tehranDay = localDayOf(expiry, 'Asia/Tehran');
      expect(tehranDay).toBe('2026-03-21');
      expect(calendarMonthOf(tehranDay, 'persian', 'Asia/Tehran')).toEqual({
        month: '1405-01',
        start: '2026-03-20T20:30:00.000Z',
      });
    });
  });

  describe('the Gregorian calendar', () => {
    it('is the civil month, starting at local midnight', () => {
      expect(calendarMonthOf('2026-03-21', 'gregorian', 'UTC')).toEqual({
        month: '2026-03',
        start: '2026-03-01T00:00:00.000Z',
      });
      expect(calendarMonthOf('2026-07-31', 'gregorian', 'America/New_York')).toEqual({
        month: '2026-07',
        start: '2026-07-01T04:00:00.000Z',
      });
      expect(calendarMonthOf('2026-01-15', 'gregorian', 'Asia/Tokyo')).toEqual({
        month: '2026-01',
        start: '2025-12-31T15:00:00.000Z',
      });
    });
  });

  describe('the start of a local day', () => {
    it('is midnight where there is one', () => {
      expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe(
        '2026-03-08T05:00:00.000Z',
      );
      expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe(
        '2026-03-09T04:00:00.000Z',
      );
    });

    it('is the end of a daylight-saving gap that swallowed midnight', () => {
      // Tehran's clocks went from 00:00 (+03:30) to 01:00 (+04:30) as 22 March 2021 began.
      expect(startOfLocalDay('2021-03-22', 'Asia/Tehran').toISOString()).toBe(
        '2021-03-21T20:30:00.000Z',
      );
      expect(localDayOf(new Date('2021-03-21T20:29:59.999Z'), 'Asia/Tehran')).toBe('2021-03-21');
    });
  });

  it('groups days into months in the order given, one start per month', () => {
    const rows = [
      { day: '2026-03-19', points: 1 },
      { day: '2026-03-20', points: 2 },
      { day: '2026-03-21', points: 4 },
      { day: '2026-04-21', points: 8 },
    ];
    expect(groupDaysByMonth(rows, 'persian', 'UTC')).toEqual([
      { month: '1404-12', start: '2026-02-20T00:00:00.000Z', rows: rows.slice(0, 2) },
      { month: '1405-01', start: '2026-03-21T00:00:00.000Z', rows: [rows[2]] },
      { month: '1405-02', start: '2026-04-21T00:00:00.000Z', rows: [rows[3]] },
    ]);
    expect(groupDaysByMonth(rows, 'gregorian', 'UTC').map((m) => m.month)).toEqual([
      '2026-03',
      '2026-04',
    ]);
  });

  it('refuses what is not a civil day', () => {
    expect(() => calendarMonthKeyOf('2026-3-1', 'persian')).toThrow(RangeError);
  });
});
