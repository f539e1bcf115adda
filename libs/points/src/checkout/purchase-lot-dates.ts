import { lotDates, type ProgramSettings } from '@vafa/ledger';

/**
 * When a purchase's points become available and when they expire. The return window runs from
 * the purchase, so an order recorded late (a web shop syncing yesterday's orders) is not held
 * longer than one recorded at once, and one older than the window earns available points. Expiry
 * runs from when the points become available, but never from before now (as the CSV import
 * does), so late-recorded points do not arrive already expired.
 */
export function purchaseLotDates(
  settings: Readonly<ProgramSettings>,
  occurredAt: Date,
  now: Date,
): { availableAt: Date; expiresAt: Date | null } {
  const { availableAt } = lotDates(settings, occurredAt);
  const expiryFrom = new Date(Math.max(availableAt.getTime(), now.getTime()));
  const { expiresAt } = lotDates({ ...settings, pointsPendingDays: 0 }, expiryFrom);
  return { availableAt, expiresAt };
}
