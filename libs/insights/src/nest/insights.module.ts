import { Module } from '@nestjs/common';
import { FitInsightModelUseCase } from './fit-insight-model.usecase';
import { InsightModelsService } from './insight-models.service';
import { InsightsController } from './insights.controller';
import { InsightsRefreshJob } from './insights-refresh.job';
import { MemberInsightsService } from './member-insights.service';
import { ParetoReportController } from './pareto-report.controller';
import { ParetoReportService } from './pareto-report.service';
import { PurchaseSummariesQuery } from './purchase-summaries.query';

/** Customer insights (RFM, BG/NBD, Gamma-Gamma, CLV) over the purchase history, and reports. */
@Module({
  controllers: [InsightsController, ParetoReportController],
  providers: [
    PurchaseSummariesQuery,
    FitInsightModelUseCase,
    InsightsRefreshJob,
    InsightModelsService,
    MemberInsightsService,
    ParetoReportService,
  ],
  exports: [InsightsRefreshJob, PurchaseSummariesQuery],
})
export class InsightsModule {}
