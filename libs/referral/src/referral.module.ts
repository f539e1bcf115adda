import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MembersModule } from '@vafa/members';
import { PointsModule } from '@vafa/points';
import { ReferralAttribution } from './referral-attribution';
import { MyReferralController } from './my-referral.controller';
import { ReferralProgramController } from './referral-program.controller';
import { ReferralsController } from './referrals.controller';
import { ReferralProgramService } from './referral-program.service';
import { ReferralPurchaseListener } from './referral-purchase.listener';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [LedgerModule, MembersModule, PointsModule],
  controllers: [ReferralProgramController, ReferralsController, MyReferralController],
  providers: [
    ReferralProgramService,
    ReferralAttribution,
    ReferralPurchaseListener,
    ReferralsService,
  ],
})
export class ReferralModule {}
