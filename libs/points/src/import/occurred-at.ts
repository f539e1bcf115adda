const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

const MINUTE_MS = 60_000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Minutes east of UTC for `Z`, `+03:30` or `-0500`; null when out of range. */
function zoneOffsetMinutes(zone: string): number | null {
  if (zone === 'Z' || zone === 'z') {
    return 0;
  }
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(-2));
  if (hours > 23 || minutes > 59) {
    return null;
  }
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * `YYYY-MM-DD` (midnight UTC) or an ISO 8601 date-time; a date-time without a zone is UTC.
 * Null for anything else, including impossible dates such as 1997-02-30. Years before 100 are
 * refused too (nobody imports purchases from antiquity; they are more likely a typo).
 *
 * Computed with arithmetic rather than by building and re-parsing date strings: an import calls
 * this once per row, millions of times.
 */
export function parseOccurredAt(value: string): Date | null {
  const m = DATE_TIME.exec(value);
  if (!m) {
    return null;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const offset = zoneOffsetMinutes(m[8] ?? 'Z');
  if (offset === null) {
    return null;
  }
  const fraction = m[7];
  const ms = fraction ? Number(fraction.slice(1, 4).padEnd(3, '0')) : 0;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * MINUTE_MS);
}
