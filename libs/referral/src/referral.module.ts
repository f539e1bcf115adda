import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MembersModule } from '@vafa/members';
import { PointsModule } from '@vafa/points';
import { ReferralAttribution } from './referral-attribution';
import { MyReferralController } from './my-referral.controller';
import { ReferralProgramController } from './referral-program.controller';
import { ReferralsController } from './referrals.controller';
import { ReferralProgramService } from './referral-program.service';
import { ReferralRewards } from './referral-rewards';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [LedgerModule, MembersModule, PointsModule],
  controllers: [ReferralProgramController, ReferralsController, MyReferralController],
  providers: [ReferralProgramService, ReferralAttribution, ReferralRewards, ReferralsService],
})
export class ReferralModule {}
