import { DomainError, notFound } from '@vafa/platform';
import type { PointsErrorCode } from '@vafa/points';

export const REWARDS_ERROR_CODES = [
  'REWARD_NOT_FOUND',
  'REDEMPTION_NOT_FOUND',
  'REWARD_OUT_OF_STOCK',
  'REWARD_LIMIT_REACHED',
  'REDEMPTION_NOT_CANCELLABLE',
  'PERK_NOT_USABLE',
] as const;

export type RewardsErrorCode = (typeof REWARDS_ERROR_CODES)[number];
type RewardsError = DomainError<RewardsErrorCode>;

export const rewardNotFound = (): RewardsError => notFound('The reward', 'REWARD_NOT_FOUND');

export const redemptionNotFound = (): RewardsError =>
  notFound('The redemption', 'REDEMPTION_NOT_FOUND');

export const rewardOutOfStock = (rewardId: string): RewardsError =>
  new DomainError(422, 'REWARD_OUT_OF_STOCK', 'This reward is out of stock.', { rewardId });

export const rewardLimitReached = (rewardId: string, limit: number): RewardsError =>
  new DomainError(
    422,
    'REWARD_LIMIT_REACHED',
    `This reward can be redeemed at most ${limit} time${limit === 1 ? '' : 's'} per member.`,
    { rewardId, perMemberLimit: limit },
  );

export const redemptionNotCancellable = (status: string): RewardsError =>
  new DomainError(
    422,
    'REDEMPTION_NOT_CANCELLABLE',
    `A ${status} redemption cannot be cancelled; only unused ones can.`,
    { status },
  );

export const perkNotUsable = (status: string): RewardsError =>
  new DomainError(
    422,
    'PERK_NOT_USABLE',
    status === 'coupon'
      ? 'Coupons are used at the till (couponCodes on a checkout).'
      : `This perk is ${status} and cannot be used.`,
    { status },
  );

/** Why the member's own coupon cannot be used on this order. */
export type CouponRefusal = 'expired' | 'used' | 'cancelled' | 'not_applicable';

/** What an order must hold for a coupon to apply (a free product's SKU). */
export interface CouponRequirement {
  sku?: string;
}

/**
 * The checkout's 422 COUPON_INVALID (a code of the points library, which owns the coupon seam)
 * for a code the member holds, saying why. Unknown codes and other members' codes get
 * `couponInvalid` from the points library instead, with no reason: whether a code exists is
 * nobody else's business.
 */
export function couponRefused(
  code: string,
  reason: CouponRefusal,
  extra: { at?: Date | null; requires?: CouponRequirement; perk?: boolean } = {},
): DomainError<Extract<PointsErrorCode, 'COUPON_INVALID'>> {
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
