import { DomainError } from '@vafa/platform';

/** Why the member's own coupon cannot be used on this order. */
export type CouponRefusal = 'expired' | 'used' | 'cancelled' | 'not_applicable';

/** What an order must hold for a coupon to apply (a free product's SKU). */
export interface CouponRequirement {
  sku?: string;
}

/**
 * 422 COUPON_INVALID for a code the member holds, saying why. Unknown codes and other members'
 * codes get `couponInvalid` from the points library instead, with no reason: whether a code
 * exists is nobody else's business.
 */
export function couponRefused(
  code: string,
  reason: CouponRefusal,
  extra: { at?: Date | null; requires?: CouponRequirement; perk?: boolean } = {},
): DomainError {
  const day = extra.at ? ` on ${extra.at.toISOString().slice(0, 10)}` : '';
  const message = {
    expired: `The coupon ${code} expired${day}.`,
    used: `The coupon ${code} was already used${day}.`,
    cancelled: `The coupon ${code} was cancelled${day}.`,
    not_applicable: extra.perk
      ? `${code} is a perk, not a discount: staff hand it over with POST /v1/rewards/redemptions/{id}/use.`
      : extra.requires?.sku
        ? `The coupon ${code} needs ${extra.requires.sku} in the order (one unit free).`
        : `The coupon ${code} does not apply to this order.`,
  }[reason];
  return new DomainError(422, 'COUPON_INVALID', message, {
    code,
    reason,
    ...(extra.requires ? { requires: extra.requires } : {}),
  });
}
