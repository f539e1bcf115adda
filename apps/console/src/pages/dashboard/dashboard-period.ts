/** The period the dashboard's period reports cover: whole UTC days, both ends included. */
export interface Period {
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD, counted in full. */
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isDay = (value: string | null): value is string =>
  value !== null && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** The last 12 months up to and including `today`: from the day after the same date a year ago. */
export function defaultPeriod(today: Date): Period {
  const start = new Date(
    Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1),
  );
  return { from: dayOf(start), to: dayOf(today) };
}

/** A period that is well formed and does not end before it starts. */
export const isValidPeriod = (period: { from: string; to: string }): period is Period =>
  isDay(period.from) && isDay(period.to) && period.from <= period.to;

/** The period in the address (`?from=…&to=…`), or the last 12 months when it has none or a bad one. */
export function periodFromSearch(search: URLSearchParams, today: Date): Period {
  const period = { from: search.get('from') ?? '', to: search.get('to') ?? '' };
  return isValidPeriod(period) ? period : defaultPeriod(today);
}
