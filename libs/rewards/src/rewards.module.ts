import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MembersModule } from '@vafa/members';
import { PointsModule } from '@vafa/points';
import { TierLookupQuery } from '@vafa/tiers';
import { RewardsController } from './catalog/rewards.controller';
import { RewardsRepository } from './catalog/rewards.repository';
import { RewardCouponListener } from './coupons/reward-coupon.listener';
import { ExpireCouponsJob } from './jobs/expire-coupons.job';
import { RewardsScheduleJob } from './jobs/rewards-schedule.job';
import { MyRewardsController } from './me/my-rewards.controller';
import { MyRewardsQuery } from './me/my-rewards.query';
import { TillPerksController } from './pos/till-perks.controller';
import { TillRewardsController } from './pos/till-rewards.controller';
import { CancelRedemptionUseCase } from './redemptions/cancel-redemption.usecase';
import { PerksQuery } from './redemptions/perks.query';
import { RedeemRewardUseCase } from './redemptions/redeem-reward.usecase';
import { MemberPerksController, RedemptionsController } from './redemptions/redemptions.controller';
import { GrantRewardUseCase } from './redemptions/grant-reward.usecase';
import { RewardIssuer } from './redemptions/reward-issuer.repository';
import { UsePerkUseCase } from './redemptions/use-perk.usecase';

@Module({
  imports: [LedgerModule, MembersModule, PointsModule],
  controllers: [
    RewardsController,
    RedemptionsController,
    MemberPerksController,
    TillPerksController,
    TillRewardsController,
    MyRewardsController,
  ],
  providers: [
    RewardsRepository,
    RewardIssuer,
    RedeemRewardUseCase,
    GrantRewardUseCase,
    CancelRedemptionUseCase,
    UsePerkUseCase,
    PerksQuery,
    MyRewardsQuery,
    RewardCouponListener,
    ExpireCouponsJob,
    RewardsScheduleJob,
    TierLookupQuery,
  ],
  exports: [GrantRewardUseCase, RewardsRepository, ExpireCouponsJob, RewardsScheduleJob],
})
export class RewardsModule {}
