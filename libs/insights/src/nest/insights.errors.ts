import { DomainError } from '@vafa/platform';

/** The smallest history worth fitting: below this the four BG/NBD parameters are noise. */
export const MIN_CUSTOMERS = 20;
/** Gamma-Gamma learns only from customers with repeat purchases of positive value. */
export const MIN_REPEAT_CUSTOMERS = 10;

export const notEnoughPurchaseHistory = (customers: number, repeatCustomers: number): DomainError =>
  new DomainError(
    422,
    'NOT_ENOUGH_PURCHASE_HISTORY',
    `Fitting needs at least ${MIN_CUSTOMERS} customers with purchases and ${MIN_REPEAT_CUSTOMERS} with ` +
      `repeat purchases of positive value; there are ${customers} and ${repeatCustomers}.`,
    {
      customers,
      repeatCustomers,
      minCustomers: MIN_CUSTOMERS,
      minRepeatCustomers: MIN_REPEAT_CUSTOMERS,
    },
  );

export const modelFitFailed = (reason: string, details?: unknown): DomainError =>
  new DomainError(
    422,
    'INSIGHT_MODEL_FIT_FAILED',
    `The models could not be fitted to this history: ${reason}`,
    details,
  );

export const refreshRunning = (): DomainError =>
  new DomainError(
    409,
    'INSIGHTS_REFRESH_RUNNING',
    'Another fit of the insight models is running; try again when it has finished.',
  );

export const noModelFitted = (): DomainError =>
  new DomainError(
    409,
    'INSIGHT_MODEL_NOT_FITTED',
    'No insight model has been fitted yet: POST /v1/insights/models/fit first.',
  );

export const memberInsightsNotFound = (): DomainError =>
  new DomainError(
    404,
    'MEMBER_INSIGHTS_NOT_FOUND',
    "The member had no purchases up to the latest model's asOf, so there is nothing to score yet.",
  );
