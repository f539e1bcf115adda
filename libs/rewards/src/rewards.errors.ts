import { DomainError, notFound } from '@vafa/platform';

export const rewardNotFound = (): DomainError => notFound('The reward', 'REWARD_NOT_FOUND');

export const redemptionNotFound = (): DomainError =>
  notFound('The redemption', 'REDEMPTION_NOT_FOUND');

export const rewardOutOfStock = (rewardId: string): DomainError =>
  new DomainError(422, 'REWARD_OUT_OF_STOCK', 'This reward is out of stock.', { rewardId });

export const rewardLimitReached = (rewardId: string, limit: number): DomainError =>
  new DomainError(
    422,
    'REWARD_LIMIT_REACHED',
    `This reward can be redeemed at most ${limit} time${limit === 1 ? '' : 's'} per member.`,
    { rewardId, perMemberLimit: limit },
  );

export const redemptionNotCancellable = (status: string): DomainError =>
  new DomainError(
    422,
    'REDEMPTION_NOT_CANCELLABLE',
    `A ${status} redemption cannot be cancelled; only unused ones can.`,
    { status },
  );

export const perkNotUsable = (status: string): DomainError =>
  new DomainError(
    422,
    'PERK_NOT_USABLE',
    status === 'coupon'
      ? 'Coupons are used at the till (couponCodes on a checkout).'
      : `This perk is ${status} and cannot be used.`,
    { status },
  );
