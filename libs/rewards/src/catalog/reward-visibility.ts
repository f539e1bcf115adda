/** Whether a member in tier `tierCode` may see (and so redeem) the reward at `now`. */
export function isRewardVisible(
  reward: {
    active: boolean;
    activeFrom: Date | null;
    activeUntil: Date | null;
    tiers: string[];
  },
  now: Date,
  tierCode: string | null,
): boolean {
  if (!reward.active) {
    return false;
  }
  if (reward.activeFrom && reward.activeFrom.getTime() > now.getTime()) {
    return false;
  }
  if (reward.activeUntil && reward.activeUntil.getTime() <= now.getTime()) {
    return false;
  }
  return reward.tiers.length === 0 || (tierCode !== null && reward.tiers.includes(tierCode));
}
