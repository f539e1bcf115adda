import { DomainError } from '@vafa/platform';

export const INSIGHTS_ERROR_CODES = [
  'NOT_ENOUGH_PURCHASE_HISTORY',
  'INSIGHT_MODEL_FIT_FAILED',
  'INSIGHT_MODEL_DEGENERATE',
  'INSIGHT_MODEL_NOT_FITTED',
  'INSIGHTS_REFRESH_RUNNING',
  'MEMBER_INSIGHTS_NOT_FOUND',
] as const;

export type InsightsErrorCode = (typeof INSIGHTS_ERROR_CODES)[number];
type InsightsError = DomainError<InsightsErrorCode>;

/** The smallest history worth fitting: below this the four BG/NBD parameters are noise. */
export const MIN_CUSTOMERS = 20;
/** Gamma-Gamma learns only from customers with repeat purchases of positive value. */
export const MIN_REPEAT_CUSTOMERS = 10;

/**
 * What a history usually needs for every parameter to be pinned down (synthetic shops drawn
 * from the models: below about 200 repeat buyers a fit is often degenerate).
 */
export const RECOMMENDED_REPEAT_CUSTOMERS = 200;
export const RECOMMENDED_HISTORY_WEEKS = 26;

/** The size of the history a fit was attempted on. */
export interface HistorySize {
  customers: number;
  repeatCustomers: number;
  /** Weeks from the earliest first purchase to asOf. */
  historyWeeks: number;
}

const UNTIL_THEN =
  'Until a model is fitted, top_clv_percent audiences of campaigns rank members by their spend.';

const needed = (size: HistorySize) => ({
  ...size,
  minCustomers: MIN_CUSTOMERS,
  minRepeatCustomers: MIN_REPEAT_CUSTOMERS,
  recommendedRepeatCustomers: RECOMMENDED_REPEAT_CUSTOMERS,
  recommendedHistoryWeeks: RECOMMENDED_HISTORY_WEEKS,
});

/** Whether a history has the least a fit needs (fits below it are refused at once). */
export const hasMinimumHistory = (size: HistorySize): boolean =>
  size.customers >= MIN_CUSTOMERS && size.repeatCustomers >= MIN_REPEAT_CUSTOMERS;

/** The least a fit needs, and what there is, in a sentence. */
export const minimumHistoryNeeded = (size: HistorySize): string =>
  `At least ${MIN_CUSTOMERS} customers with purchases, ${MIN_REPEAT_CUSTOMERS} of them with a ` +
  `repeat purchase, are needed; there are ${size.customers}, ${size.repeatCustomers} of them ` +
  'with a repeat purchase.';

/** What a fit usually needs to succeed, and what there is. */
export const recommendation = (size: HistorySize): string =>
  `A reliable fit typically needs at least ${RECOMMENDED_REPEAT_CUSTOMERS} repeat buyers over at least ` +
  `${RECOMMENDED_HISTORY_WEEKS} weeks of history; there are ${size.repeatCustomers} over ` +
  `${Math.round(size.historyWeeks)} weeks.`;

export const notEnoughPurchaseHistory = (size: HistorySize): InsightsError =>
  new DomainError(
    422,
    'NOT_ENOUGH_PURCHASE_HISTORY',
    `Fitting needs at least ${MIN_CUSTOMERS} customers with purchases and ${MIN_REPEAT_CUSTOMERS} with ` +
      `repeat purchases of positive value; there are ${size.customers} and ${size.repeatCustomers}. ` +
      `${recommendation(size)} ${UNTIL_THEN}`,
    needed(size),
  );

export const modelFitFailed = (
  reason: string,
  size: HistorySize,
  details?: Record<string, unknown>,
): InsightsError =>
  new DomainError(
    422,
    'INSIGHT_MODEL_FIT_FAILED',
    `The models could not be fitted to this history: ${reason} ${recommendation(size)} ${UNTIL_THEN}`,
    { ...details, ...needed(size) },
  );

/** What each parameter would tell, had the history pinned it down. */
const MEANING: Record<string, string> = {
  r: 'how purchase rates vary between customers',
  alpha: 'how often customers buy',
  a: 'how customers drop out',
  b: 'how customers drop out',
  p: "how a customer's order values vary",
  q: 'how average order values vary between customers',
  gamma: 'how much customers spend',
  logLikelihood: 'anything',
};

const WHY: Record<string, string> = {
  non_finite: 'is not a finite number',
  at_bound: 'ran off to its bound (shape parameters must lie within 1e-4 to 1e4)',
  flat_likelihood: 'is not determined: the likelihood is flat around it',
};

/**
 * A fit whose parameters sit at their bounds, are not finite, or are not determined by the
 * history (see findDegeneracy): it is refused rather than stored as the model.
 */
export const modelDegenerate = (
  model: 'bgnbd' | 'gammaGamma',
  found: { parameter: string; value: number; reason: string },
  size: HistorySize,
): InsightsError =>
  new DomainError(
    422,
    'INSIGHT_MODEL_DEGENERATE',
    `The ${model === 'bgnbd' ? 'BG/NBD' : 'Gamma-Gamma'} fit is degenerate: ${found.parameter} = ` +
      `${Number.isFinite(found.value) ? found.value.toPrecision(3) : String(found.value)} ` +
      `${WHY[found.reason] ?? found.reason}, so this history cannot tell ` +
      `${MEANING[found.parameter] ?? 'its parameters'}; nothing was stored. ${recommendation(size)} ${UNTIL_THEN}`,
    {
      model,
      parameter: found.parameter,
      value: Number.isFinite(found.value) ? found.value : String(found.value),
      reason: found.reason,
      ...needed(size),
    },
  );

export const refreshRunning = (): InsightsError =>
  new DomainError(
    409,
    'INSIGHTS_REFRESH_RUNNING',
    'Another fit of the insight models is running; try again when it has finished.',
  );

export const noModelFitted = (): InsightsError =>
  new DomainError(
    409,
    'INSIGHT_MODEL_NOT_FITTED',
    'No insight model has been fitted yet: POST /v1/insights/models/fit first.',
  );

export const memberInsightsNotFound = (): InsightsError =>
  new DomainError(
    404,
    'MEMBER_INSIGHTS_NOT_FOUND',
    "The member had no purchases up to the latest model's asOf, so there is nothing to score yet.",
  );
