import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MembersModule } from '@vafa/members';
import { PointsModule } from '@vafa/points';
import { MemberTierController } from './member-tier.controller';
import { TierDowngradeWarnings } from './downgrade-warnings';
import { MemberTierView } from './member-tier.view';
import { TierDistributionController } from './reports/tier-distribution.controller';
import { TierDistributionReport } from './reports/tier-distribution.report';
import { TierAssignmentService } from './tier-assignment.service';
import { TierEvaluationJob } from './tier-evaluation.job';
import { TierLookupService } from './tier-lookup.service';
import { TierCheckoutListener } from './tier-checkout.listener';
import { TierStandingService } from './tier-standing.service';
import { TiersController } from './tiers.controller';
import { TiersService } from './tiers.service';

@Module({
  imports: [LedgerModule, MembersModule, PointsModule],
  controllers: [TiersController, MemberTierController, TierDistributionController],
  providers: [
    TiersService,
    TierLookupService,
    TierStandingService,
    TierCheckoutListener,
    TierEvaluationJob,
    TierDowngradeWarnings,
    MemberTierView,
    TierAssignmentService,
    TierDistributionReport,
  ],
  exports: [TierLookupService, TierEvaluationJob],
})
export class TiersModule {}
