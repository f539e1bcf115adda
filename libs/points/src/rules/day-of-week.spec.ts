import { isoDayOfWeek } from './day-of-week';

describe('isoDayOfWeek', () => {
  test.each([
    ['2024-06-03T12:00:00Z', 'UTC', 1],
    ['2024-06-09T12:00:00Z', 'UTC', 7],
    ['2024-06-10T03:30:00Z', 'America/New_York', 7],
    ['2024-06-10T03:30:00Z', 'UTC', 1],
    ['2024-06-09T15:30:00Z', 'Asia/Tokyo', 1],
    // Kiritimati is UTC+14: Saturday 10:00 UTC is already Sunday there.
    ['2024-06-08T10:00:00Z', 'Pacific/Kiritimati', 7],
  ])('%s in %s is ISO day %p', (instant, timeZone, day) => {
    expect(isoDayOfWeek(new Date(instant), timeZone)).toBe(day);
  });

  test('defaults to UTC', () => {
    expect(isoDayOfWeek(new Date('2024-06-05T23:59:59Z'))).toBe(3);
  });

  test('rejects an unknown zone', () => {
    expect(() => isoDayOfWeek(new Date(), 'Not/AZone')).toThrow(RangeError);
  });
});
