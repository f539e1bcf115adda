import { birthdaysOn, localDay } from './local-day';

describe('birthdays on a day', () => {
  it('takes the day in the time zone, not in UTC', () => {
    const at = new Date('2027-03-20T22:00:00Z');
    expect(localDay(at, 'UTC')).toEqual({ year: 2027, month: 3, day: 20 });
    expect(localDay(at, 'Asia/Tehran')).toEqual({ year: 2027, month: 3, day: 21 });
    expect(localDay(new Date('2027-01-01T03:00:00Z'), 'America/New_York')).toEqual({
      year: 2026,
      month: 12,
      day: 31,
    });
  });

  it('celebrates 29 February on the 28th in years without it, and on the 29th in leap years', () => {
    expect(birthdaysOn({ year: 2027, month: 2, day: 28 })).toEqual({ month: 2, days: [28, 29] });
    expect(birthdaysOn({ year: 2028, month: 2, day: 28 })).toEqual({ month: 2, days: [28] });
    expect(birthdaysOn({ year: 2028, month: 2, day: 29 })).toEqual({ month: 2, days: [29] });
    expect(birthdaysOn({ year: 2100, month: 2, day: 28 })).toEqual({ month: 2, days: [28, 29] });
    expect(birthdaysOn({ year: 2000, month: 2, day: 28 })).toEqual({ month: 2, days: [28] });
    expect(birthdaysOn({ year: 2027, month: 3, day: 1 })).toEqual({ month: 3, days: [1] });
  });
});
