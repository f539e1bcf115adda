import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { FitInsightModelUseCase } from './fit-insight-model.usecase';
import { InsightModelsService } from './insight-models.service';
import { InsightsController } from './insights.controller';
import { InsightsRefreshJob } from './insights-refresh.job';
import { MemberInsightsService } from './member-insights.service';
import { OverviewReportController } from './overview-report.controller';
import { OverviewReportService } from './overview-report.service';
import { ParetoReportController } from './pareto-report.controller';
import { ParetoReportService } from './pareto-report.service';
import { PurchaseSummariesQuery } from './purchase-summaries.query';

/** Customer insights (RFM, BG/NBD, Gamma-Gamma, CLV) over the purchase history, and reports. */
@Module({
  imports: [LedgerModule],
  controllers: [InsightsController, ParetoReportController, OverviewReportController],
  providers: [
    PurchaseSummariesQuery,
    FitInsightModelUseCase,
    InsightsRefreshJob,
    InsightModelsService,
    MemberInsightsService,
    ParetoReportService,
    OverviewReportService,
  ],
  exports: [InsightsRefreshJob, PurchaseSummariesQuery],
})
export class InsightsModule {}
