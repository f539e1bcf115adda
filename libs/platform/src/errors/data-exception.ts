import { sqlState } from '../database/transaction';

export const DATA_EXCEPTION_MESSAGE = 'A value in the request is out of range or not valid.';

/** In PostgreSQL's class 22, "data exception", but a fault in our arithmetic, not in input. */
const NOT_FROM_INPUT = new Set(['22012']);

/**
 * A value the column or cast cannot take (PostgreSQL's class 22, "data exception"): a value
 * reached SQL that validation should have refused, out of range for its column or not a valid
 * date or number. The caller's bad input, so 400 rather than 500.
 */
export function isDataException(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const state = sqlState(error);
  return typeof state === 'string' && /^22[0-9A-Z]{3}$/.test(state) && !NOT_FROM_INPUT.has(state);
}
