/** A day in milliseconds: program periods are whole days of 24 hours, not calendar days. */
export const DAY_MS = 86_400_000;

/** The instant `days` whole days after `instant` (before it when negative). */
export const addDays = (instant: Date, days: number): Date =>
  new Date(instant.getTime() + days * DAY_MS);
