/** The calendar day an instant falls on in an IANA time zone. */
export function localDay(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at);
  const part = (type: 'year' | 'month' | 'day'): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The birth dates (month and days) celebrated on a day: its own, and on 28 February of a year
 * without a 29th also members born on 29 February.
 */
export function birthdaysOn(day: { year: number; month: number; day: number }): {
  month: number;
  days: number[];
} {
  const leapDayMissing = day.month === 2 && day.day === 28 && !isLeapYear(day.year);
  return { month: day.month, days: leapDayMissing ? [28, 29] : [day.day] };
}
