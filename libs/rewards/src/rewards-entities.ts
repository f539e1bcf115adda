import { RewardEntity } from './catalog/reward.entity';
import { RewardRedemptionEntity } from './redemptions/reward-redemption.entity';

export const REWARD_ENTITIES = [RewardEntity, RewardRedemptionEntity];
