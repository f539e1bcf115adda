import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MembersModule } from '@vafa/members';
import { PointsModule } from '@vafa/points';
import { ReferralEnrollmentListener } from './referral-enrollment.listener';
import { MyReferralController } from './my-referral.controller';
import { ReferralProgramController } from './referral-program.controller';
import { ReferralsController } from './referrals.controller';
import { ReferralProgramRepository } from './referral-program.repository';
import { ReferralPurchaseListener } from './referral-purchase.listener';
import { ReferralsUseCase } from './referrals.usecase';

@Module({
  imports: [LedgerModule, MembersModule, PointsModule],
  controllers: [ReferralProgramController, ReferralsController, MyReferralController],
  providers: [
    ReferralProgramRepository,
    ReferralEnrollmentListener,
    ReferralPurchaseListener,
    ReferralsUseCase,
  ],
})
export class ReferralModule {}
