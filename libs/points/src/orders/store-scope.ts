import type { StaffPrincipal } from '@vafa/platform';
import type { Channel } from '@vafa/members';
import { channelNotAllowed, storeMismatch } from '../points.errors';

/** The channels a web shop's server (an integration key) records orders for. */
export const WEB_SHOP_CHANNELS: readonly Channel[] = ['online', 'app'];

/**
 * A key bound to a store acts only for that store: a cashier key always is, an integration key
 * when it was created with a storeId. Checking out for another store, or returning an order
 * another store (or no store) checked out, is 403 STORE_MISMATCH. Other keys are not bound.
 */
export function requireOwnStore(principal: StaffPrincipal, storeId: string | null): void {
  const bound =
    principal.role === 'cashier' || (principal.role === 'integration' && principal.storeId);
  if (bound && storeId !== principal.storeId) {
    throw storeMismatch(principal.storeId);
  }
}

/**
 * An integration key is a web shop's server: it records online and app orders only, never the
 * till's (403 CHANNEL_NOT_ALLOWED).
 */
export function requireChannelAllowed(principal: StaffPrincipal, channel: Channel): void {
  if (principal.role === 'integration' && !WEB_SHOP_CHANNELS.includes(channel)) {
    throw channelNotAllowed(channel, WEB_SHOP_CHANNELS);
  }
}
