import { DomainError, StaffPrincipal } from '@vafa/platform';
import type { Channel } from '@vafa/members';

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
    throw new DomainError(
      403,
      'STORE_MISMATCH',
      `This key belongs to store ${principal.storeId}.`,
      { storeId: principal.storeId },
    );
  }
}

/**
 * An integration key is a web shop's server: it records online and app orders only, never the
 * till's (403 CHANNEL_NOT_ALLOWED).
 */
export function requireChannelAllowed(principal: StaffPrincipal, channel: Channel): void {
  if (principal.role === 'integration' && !WEB_SHOP_CHANNELS.includes(channel)) {
    throw new DomainError(
      403,
      'CHANNEL_NOT_ALLOWED',
      `An integration key records ${WEB_SHOP_CHANNELS.join(' and ')} orders only, not ${channel}.`,
      { channel, allowed: WEB_SHOP_CHANNELS },
    );
  }
}
