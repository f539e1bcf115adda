import { DAY_MS } from '../clock/days';
/** The calendars reports bucket months in. */
export const REPORT_CALENDARS = ['gregorian', 'persian'] as const;
export type ReportCalendar = (typeof REPORT_CALENDARS)[number];

export interface CalendarMonth {
  /** `YYYY-MM` in the calendar: `1405-01` is Farvardin 1405. */
  month: string;
  /** The instant the month begins in the time zone (its first day's first moment), ISO 8601. */
  start: string;
}

const HOUR_MS = 3_600_000;
const CIVIL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Unicode's calendar identifiers (`-u-ca-`). */
const UNICODE_CALENDAR: Record<ReportCalendar, string> = {
  gregorian: 'gregory',
  persian: 'persian',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per calendar and zone, with Latin digits whatever the locale data. */
function formatter(calendar: ReportCalendar, timeZone: string): Intl.DateTimeFormat {
  const key = `${calendar} ${timeZone}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(`en-u-ca-${UNICODE_CALENDAR[calendar]}-nu-latn`, {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(key, cached);
  }
  return cached;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function partsOf(instant: number, calendar: ReportCalendar, timeZone: string): DateParts {
  const parts = formatter(calendar, timeZone).formatToParts(new Date(instant));
  const value = (type: string): number =>
    Number(parts.find((part) => part.type === type)?.value ?? NaN);
  // Gregorian years before 1 come as a positive year with the era BC; reports never reach them.
  return { year: value('year'), month: value('month'), day: value('day') };
}

/** Noon UTC of a civil day `YYYY-MM-DD`: the same date in every calendar, far from midnight. */
function noonOf(day: string): number {
  const match = CIVIL_DAY.exec(day);
  if (!match) {
    throw new RangeError(`Not a civil day (YYYY-MM-DD): ${day}`);
  }
  const [, year, month, date] = match;
  const noon = new Date(0);
  noon.setUTCFullYear(Number(year), Number(month) - 1, Number(date));
  noon.setUTCHours(12);
  return noon.getTime();
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

const monthKeyOf = (parts: DateParts): string => `${pad(parts.year, 4)}-${pad(parts.month, 2)}`;

const civilDayOf = (parts: DateParts): string =>
  `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;

/** The civil day (Gregorian `YYYY-MM-DD`) an instant falls on in a time zone. */
export function localDayOf(instant: Date, timeZone: string): string {
  return civilDayOf(partsOf(instant.getTime(), 'gregorian', timeZone));
}

/**
 * The first instant of a civil day in a time zone: its local midnight, or the end of a
 * daylight-saving gap that swallowed midnight. Found by bisection (the day starts within 15
 * hours of its UTC midnight, as every zone's offset lies within ±14 hours).
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  let before = noonOf(day) - 12 * HOUR_MS - 15 * HOUR_MS;
  let within = noonOf(day) - 12 * HOUR_MS + 15 * HOUR_MS;
  while (within - before > 1) {
    const middle = before + Math.floor((within - before) / 2);
    if (localDayOf(new Date(middle), timeZone) >= day) {
      within = middle;
    } else {
      before = middle;
    }
  }
  return new Date(within);
}

/** The month (`YYYY-MM` in the calendar) a civil day `YYYY-MM-DD` belongs to. */
export function calendarMonthKeyOf(day: string, calendar: ReportCalendar): string {
  return monthKeyOf(partsOf(noonOf(day), calendar, 'UTC'));
}

/**
 * The month a civil day (`YYYY-MM-DD`, a day in the program's time zone) belongs to in a
 * calendar, and the instant that month starts in the time zone.
 */
export function calendarMonthOf(
  day: string,
  calendar: ReportCalendar,
  timeZone: string,
): CalendarMonth {
  const noon = noonOf(day);
  const parts = partsOf(noon, calendar, 'UTC');
  const firstDay = localDayOf(new Date(noon - (parts.day - 1) * DAY_MS), 'UTC');
  return {
    month: monthKeyOf(parts),
    start: startOfLocalDay(firstDay, timeZone).toISOString(),
  };
}

/** Per-day rows (days in the time zone) grouped into calendar months, in the order given. */
export function groupDaysByMonth<Row extends { day: string }>(
  rows: readonly Row[],
  calendar: ReportCalendar,
  timeZone: string,
): (CalendarMonth & { rows: Row[] })[] {
  const months = new Map<string, CalendarMonth & { rows: Row[] }>();
  for (const row of rows) {
    const found = months.get(calendarMonthKeyOf(row.day, calendar));
    if (found) {
      found.rows.push(row);
    } else {
      const month = calendarMonthOf(row.day, calendar, timeZone);
      months.set(month.month, { ...month, rows: [row] });
    }
  }
  return [...months.values()];
}
