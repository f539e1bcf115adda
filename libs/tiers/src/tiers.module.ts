import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MembersModule } from '@vafa/members';
import { PointsModule } from '@vafa/points';
import { MemberTierView } from './member-tier.view';
import { TierEvaluationJob } from './tier-evaluation.job';
import { TierLookupService } from './tier-lookup.service';
import { TierStandingService } from './tier-standing.service';
import { TiersController } from './tiers.controller';
import { TiersService } from './tiers.service';

@Module({
  imports: [LedgerModule, MembersModule, PointsModule],
  controllers: [TiersController],
  providers: [
    TiersService,
    TierLookupService,
    TierStandingService,
    TierEvaluationJob,
    MemberTierView,
  ],
  exports: [TierLookupService, TierEvaluationJob],
})
export class TiersModule {}
