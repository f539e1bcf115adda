const ISO_WEEKDAYS: Readonly<Record<string, number>> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function weekdayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown zone.
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant as seen in an IANA time zone. */
export function isoDayOfWeek(instant: Date, timeZone = 'UTC'): number {
  // A formatter of the weekday alone formats to just its name ("Mon").
  const day = ISO_WEEKDAYS[weekdayFormatter(timeZone).format(instant)];
  if (day === undefined) {
    throw new RangeError(`Cannot determine the weekday of ${instant.toISOString()} in ${timeZone}`);
  }
  return day;
}
