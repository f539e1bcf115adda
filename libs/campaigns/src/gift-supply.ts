import type { EntityManager } from 'typeorm';
import type { GrantRewardUseCase } from '@vafa/rewards';
import type { CampaignGift } from './campaign.entity';

/** How many treated members of a batch the gift can reach, and the skip reason for the rest. */
export interface GiftSupply {
  units: number;
  shortage: 'reward_out_of_stock' | 'reward_not_found';
}

/**
 * A catalog reward's row stays locked until the batch commits, so its stock is exact: a reward
 * that runs out (or was deleted) skips the members it cannot reach instead of failing the batch,
 * and the run goes on and finishes. Points never run out here (the budget caps them).
 */
export async function lockGiftSupply(
  rewards: GrantRewardUseCase,
  manager: EntityManager,
  gift: CampaignGift,
): Promise<GiftSupply> {
  if (gift.type === 'points') {
    return { units: Infinity, shortage: 'reward_out_of_stock' };
  }
  const stock = await rewards.lockStock(
    manager,
    gift.type === 'reward' ? gift.rewardId : gift.perk,
  );
  if (!stock.exists) {
    return { units: 0, shortage: 'reward_not_found' };
  }
  return { units: stock.remaining ?? Infinity, shortage: 'reward_out_of_stock' };
}
