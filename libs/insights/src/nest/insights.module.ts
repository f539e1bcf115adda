import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MembersModule } from '@vafa/members';
import { ClvReportController } from './clv-report.controller';
import { ClvReportService } from './clv-report.service';
import { FitInsightModelUseCase } from './fit-insight-model.usecase';
import { InsightModelsService } from './insight-models.service';
import { InsightsController } from './insights.controller';
import { InsightsRefreshJob } from './insights-refresh.job';
import { MemberInsightsService } from './member-insights.service';
import { MemberSegmentFilter } from './member-segment-filter';
import { OverviewReportController } from './overview-report.controller';
import { OverviewReportService } from './overview-report.service';
import { ParetoReportController } from './pareto-report.controller';
import { ParetoReportService } from './pareto-report.service';
import { PurchaseSummariesQuery } from './purchase-summaries.query';
import { SegmentsReportController } from './segments-report.controller';
import { SegmentsReportService } from './segments-report.service';

/** Customer insights (RFM, BG/NBD, Gamma-Gamma, CLV) over the purchase history, and reports. */
@Module({
  imports: [LedgerModule, MembersModule],
  controllers: [
    InsightsController,
    ParetoReportController,
    OverviewReportController,
    SegmentsReportController,
    ClvReportController,
  ],
  providers: [
    PurchaseSummariesQuery,
    FitInsightModelUseCase,
    InsightsRefreshJob,
    InsightModelsService,
    MemberInsightsService,
    ParetoReportService,
    OverviewReportService,
    SegmentsReportService,
    MemberSegmentFilter,
    ClvReportService,
  ],
  exports: [InsightsRefreshJob, PurchaseSummariesQuery],
})
export class InsightsModule {}
