import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MembersModule } from '@vafa/members';
import { PointsModule } from '@vafa/points';
import { MemberTierController } from './member-tier.controller';
import { TierDowngradeWarnings } from './downgrade-warnings.usecase';
import { TierMemberViewListener } from './tier-member-view.listener';
import { TierDistributionController } from './reports/tier-distribution.controller';
import { TierDistributionReportQuery } from './reports/tier-distribution.query';
import { TierAssignmentUseCase } from './tier-assignment.usecase';
import { TierEvaluationJob } from './tier-evaluation.job';
import { TierLookupQuery } from './tier-lookup.query';
import { TierCheckoutListener } from './tier-checkout.listener';
import { TierStandingUseCase } from './tier-standing.usecase';
import { TiersController } from './tiers.controller';
import { TiersRepository } from './tiers.repository';

@Module({
  imports: [LedgerModule, MembersModule, PointsModule],
  controllers: [TiersController, MemberTierController, TierDistributionController],
  providers: [
    TiersRepository,
    TierLookupQuery,
    TierStandingUseCase,
    TierCheckoutListener,
    TierEvaluationJob,
    TierDowngradeWarnings,
    TierMemberViewListener,
    TierAssignmentUseCase,
    TierDistributionReportQuery,
  ],
  exports: [TierLookupQuery, TierEvaluationJob],
})
export class TiersModule {}
