import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Socket-level failures reaching the database server (Node's error codes). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that say the server, not the statement, failed: class 08 (connection exception),
 * 57P01-57P03 (shut down by an administrator, crashed, cannot connect now), 53300 (too many
 * connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;

/** What node-postgres and its pool say when a connection breaks or cannot be had. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
];

/**
 * True when `error` means the database cannot be reached right now (it stopped, restarts, or
 * refuses connections), as opposed to a statement that failed: that is a 503 to retry, never a
 * 401 or a 500. Looks through TypeORM's `driverError`, `cause` chains and AggregateErrors.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) {
    return false;
  }
  // TypeORM releases a transaction's query runner by itself only when its connection breaks;
  // the transaction's next statement then fails with one of these.
  if (
    error instanceof QueryRunnerAlreadyReleasedError ||
    error instanceof QueryRunnerProviderAlreadyReleasedError
  ) {
    return true;
  }
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const grouped: unknown[] = Array.isArray(e.errors) ? (e.errors as unknown[]) : [];
  if (
    typeof e.code === 'string' &&
    (NETWORK_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))
  ) {
    return true;
  }
  if (
    typeof e.message === 'string' &&
    CONNECTION_MESSAGES.some((m) => e.message === m || (e.message as string).startsWith(`${m} `))
  ) {
    return true;
  }
  const nested = [e.driverError, e.cause, ...grouped];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
