import { DomainError, notFound } from '@vafa/platform';

export const POINTS_ERROR_CODES = [
  'STORE_MISMATCH',
  'CHANNEL_NOT_ALLOWED',
  'ORDER_EXISTS',
  'ORDER_NOT_FOUND',
  'COUPON_INVALID',
  'REDEEM_POINTS_NOT_WHOLE',
  'REDEMPTION_LIMIT_EXCEEDED',
  'RETURN_EXCEEDS_PURCHASE',
  'GOODWILL_BUDGET_EXCEEDED',
  'GOODWILL_MEMBER_CAP_EXCEEDED',
  'EARNING_RULE_NOT_FOUND',
] as const;

export type PointsErrorCode = (typeof POINTS_ERROR_CODES)[number];
type PointsError = DomainError<PointsErrorCode>;

export const storeMismatch = (storeId: string | null): PointsError =>
  new DomainError(403, 'STORE_MISMATCH', `This key belongs to store ${storeId}.`, { storeId });

export const channelNotAllowed = (channel: string, allowed: readonly string[]): PointsError =>
  new DomainError(
    403,
    'CHANNEL_NOT_ALLOWED',
    `An integration key records ${allowed.join(' and ')} orders only, not ${channel}.`,
    { channel, allowed },
  );

export const orderExists = (orderId: string): PointsError =>
  new DomainError(409, 'ORDER_EXISTS', `Order ${orderId} was already checked out.`, { orderId });

export const orderNotFound = (orderId: string): PointsError =>
  new DomainError(404, 'ORDER_NOT_FOUND', `Order ${orderId} was not found.`, { orderId });

/** Unknown, expired, used or another member's: whether a code exists is nobody else's business. */
export const couponInvalid = (code: string): PointsError =>
  new DomainError(
    422,
    'COUPON_INVALID',
    `The coupon ${code} is unknown, expired, used or not this member's.`,
    { code },
  );

export const couponGivenTwice = (codes: string[]): PointsError =>
  new DomainError(422, 'COUPON_INVALID', 'The same coupon was given twice.', { codes });

export const redeemPointsNotWhole = (step: number): PointsError =>
  new DomainError(422, 'REDEEM_POINTS_NOT_WHOLE', `Points are redeemed in steps of ${step}.`, {
    step,
  });

export const redemptionLimitExceeded = (maxDiscount: number, maxPoints: number): PointsError =>
  new DomainError(
    422,
    'REDEMPTION_LIMIT_EXCEEDED',
    `Points may pay at most ${maxDiscount} of this order (${maxPoints} points).`,
    {
      maxPoints,
      maxDiscount,
    },
  );

/** `refused` (the line that cannot be returned, as planned) is the error's details. */
export const returnExceedsPurchase = (refused: { sku: string; returnable: number }): PointsError =>
  new DomainError(
    422,
    'RETURN_EXCEEDS_PURCHASE',
    `Only ${refused.returnable} of ${refused.sku} can still be returned.`,
    refused,
  );

export const goodwillBudgetExceeded = (remaining: number): PointsError =>
  new DomainError(
    422,
    'GOODWILL_BUDGET_EXCEEDED',
    `Your goodwill budget for today has ${remaining} points left.`,
    {
      remaining,
    },
  );

export const goodwillMemberCapExceeded = (remaining: number): PointsError =>
  new DomainError(
    422,
    'GOODWILL_MEMBER_CAP_EXCEEDED',
    `This member can receive ${remaining} more goodwill points this month.`,
    { remaining },
  );

export const earningRuleNotFound = (): PointsError =>
  notFound('The earning rule', 'EARNING_RULE_NOT_FOUND');
