import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { ClvReportController } from './clv-report.controller';
import { ClvReportQuery } from './clv-report.query';
import { FitInsightModelUseCase } from './fit-insight-model.usecase';
import { InsightModelsQuery } from './insight-models.query';
import { InsightsController } from './insights.controller';
import { InsightsMemberSegmentListener } from './insights-member-segment.listener';
import { InsightsRefreshJob } from './insights-refresh.job';
import { MemberInsightsQuery } from './member-insights.query';
import { OverviewReportController } from './overview-report.controller';
import { OverviewReportQuery } from './overview-report.query';
import { ParetoReportController } from './pareto-report.controller';
import { ParetoReportQuery } from './pareto-report.query';
import { PurchaseSummariesQuery } from './purchase-summaries.query';
import { SegmentsReportController } from './segments-report.controller';
import { SegmentsReportQuery } from './segments-report.query';

/** Customer insights (RFM, BG/NBD, Gamma-Gamma, CLV) over the purchase history, and reports. */
@Module({
  imports: [LedgerModule],
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
    InsightModelsQuery,
    MemberInsightsQuery,
    ParetoReportQuery,
    OverviewReportQuery,
    SegmentsReportQuery,
    InsightsMemberSegmentListener,
    ClvReportQuery,
  ],
  exports: [InsightsRefreshJob, PurchaseSummariesQuery],
})
export class InsightsModule {}
