import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MembersModule } from '@vafa/members';
import { PointsModule } from '@vafa/points';
import { TierLookupService } from '@vafa/tiers';
import { RewardsController } from './catalog/rewards.controller';
import { RewardsService } from './catalog/rewards.service';
import { RewardCouponRedeemer } from './coupons/reward-coupon.redeemer';
import { ExpireCouponsJob } from './jobs/expire-coupons.job';
import { RewardsScheduler } from './jobs/rewards-scheduler';
import { MyRewardsController } from './me/my-rewards.controller';
import { MyRewardsQuery } from './me/my-rewards.query';
import { TillPerksController } from './pos/till-perks.controller';
import { TillRewardsController } from './pos/till-rewards.controller';
import { CancelRedemptionUseCase } from './redemptions/cancel-redemption.usecase';
import { PerksQuery } from './redemptions/perks.query';
import { RedeemRewardUseCase } from './redemptions/redeem-reward.usecase';
import { MemberPerksController, RedemptionsController } from './redemptions/redemptions.controller';
import { RewardGrantService } from './redemptions/reward-grant.service';
import { RewardIssuer } from './redemptions/reward-issuer';
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
    RewardsService,
    RewardIssuer,
    RedeemRewardUseCase,
    RewardGrantService,
    CancelRedemptionUseCase,
    UsePerkUseCase,
    PerksQuery,
    MyRewardsQuery,
    RewardCouponRedeemer,
    ExpireCouponsJob,
    RewardsScheduler,
    TierLookupService,
  ],
  exports: [RewardGrantService, RewardsService, ExpireCouponsJob, RewardsScheduler],
})
export class RewardsModule {}
