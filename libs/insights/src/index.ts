export { groupBgNbdData } from './bgnbd-data';
export type { BgNbdData, BgNbdRow } from './bgnbd-data';
export {
  bgnbdConditionalExpectedPurchases,
  bgnbdCustomerLogLikelihood,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  fitBgNbd,
} from './bgnbd-model';
export type { BgNbdCustomer, BgNbdFit, BgNbdFitOptions, BgNbdParams } from './bgnbd-model';
export { customerLifetimeValue, WEEKS_PER_YEAR } from './clv';
export type { ClvInput, ClvResult } from './clv';
export { summarizeCustomers } from './customer-summary';
export type { CustomerSummary, Transaction } from './customer-summary';
export {
  bgnbdDegeneracy,
  findDegeneracy,
  gammaGammaDegeneracy,
  MIN_CURVATURE,
  SHAPE_BOUNDS,
} from './fit-degeneracy';
export type { Degeneracy, DegeneracyReason } from './fit-degeneracy';
export { choleskyFailure, numericalHessian } from './hessian';
export { groupGammaGammaData } from './gamma-gamma-data';
export type { GammaGammaData, GammaGammaRow, GroupedGammaGammaData } from './gamma-gamma-data';
export {
  fitGammaGamma,
  gammaGammaConditionalExpectedSpend,
  gammaGammaLogLikelihood,
} from './gamma-gamma-model';
export type { GammaGammaFit, GammaGammaFitOptions, GammaGammaParams } from './gamma-gamma-model';
export { hyp2f1 } from './hyp2f1';
export type { Hyp2f1Options } from './hyp2f1';
export { lgamma, logBeta } from './lgamma';
export { log1pExp, logAddExp, logSumExp } from './log-sum-exp';
export { bgnbdDataFromSummaries, gammaGammaDataFromSummaries } from './model-data';
export { minimizeNelderMead } from './nelder-mead-optimizer';
export type { NelderMeadOptions, NelderMeadResult, Objective } from './nelder-mead-optimizer';
export { scoreRfm } from './rfm-score';
export type { RfmInput, RfmScore } from './rfm-score';
export { RFM_SEGMENTS, rfmSegment } from './rfm-segments';
export type { RfmSegment } from './rfm-segments';
export * from './nest/insights-entities';
export { INSIGHTS_ERROR_CODES } from './nest/insights.errors';
export type { InsightsErrorCode } from './nest/insights.errors';
export { InsightsModule } from './nest/insights.module';
export { InsightsRefreshJob, INSIGHTS_LOCK } from './nest/insights-refresh.job';
export { PurchaseSummariesQuery } from './nest/purchase-summaries.query';
export type { MemberPurchaseSummary } from './nest/purchase-summaries.query';
export { scoreMembers } from './nest/member-scoring';
export type { MemberScore, ScoringOptions } from './nest/member-scoring';
export { CLV_ANNUAL_DISCOUNT_RATE, CLV_HORIZON_DAYS } from './nest/fit-insight-model.usecase';
export { PARETO_TOP_PERCENTS } from './nest/pareto-report.query';
