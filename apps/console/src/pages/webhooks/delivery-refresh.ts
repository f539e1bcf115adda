import type { Delivery } from './webhooks-query';

/** How often the deliveries are read again while one of them is about to be attempted. */
export const DUE_REFRESH_MS = 2000;
const SOON_MS = 60_000;

/**
 * True while a pending delivery is due within a minute (a new one, or a quick retry): its outcome
 * is worth following on screen. A retry hours away is left to the Refresh button.
 */
export function hasDeliveryDueSoon(deliveries: readonly Delivery[], now: number): boolean {
  return deliveries.some(
    (delivery) =>
      delivery.status === 'pending' &&
      (delivery.nextAttemptAt === null || Date.parse(delivery.nextAttemptAt) - now < SOON_MS),
  );
}
