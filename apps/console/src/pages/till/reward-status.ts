import type { TillReward } from './till-queries';

/** Why a reward cannot be redeemed now: `till.rewards.blocked.*`. */
export const BLOCKED_REASONS = ['notAffordable', 'outOfStock', 'limitReached'] as const;
export type BlockedReason = (typeof BLOCKED_REASONS)[number];

/** Why the member cannot redeem this reward now, or null when they can. */
export function blockedBecause(
  reward: Pick<TillReward, 'redeemable' | 'affordable' | 'stockRemaining'>,
): BlockedReason | null {
  if (reward.redeemable) {
    return null;
  }
  if (!reward.affordable) {
    return 'notAffordable';
  }
  if (reward.stockRemaining !== null && reward.stockRemaining <= 0) {
    return 'outOfStock';
  }
  return 'limitReached';
}
