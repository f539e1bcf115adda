import pino, { DestinationStream, Logger, stdSerializers } from 'pino';

/** Headers and body fields that carry credentials: never written to a log. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.key',
  '*.token',
  '*.password',
  '*.secret',
];

/**
 * Database errors carry the statement's parameters and PostgreSQL's `detail` ("Key (email)=(...)
 * already exists"): member emails, phones, birth dates, key hashes. The statement text stays, so
 * a failure can still be traced; the values never reach a log.
 */
const PERSONAL_ERROR_FIELDS = ['parameters', 'detail', 'where'] as const;

function withoutValues(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 4) {
    return value;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of PERSONAL_ERROR_FIELDS) {
    if (field in copy) {
      copy[field] = '[redacted]';
    }
  }
  for (const nested of ['driverError', 'cause'] as const) {
    if (nested in copy) {
      copy[nested] = withoutValues(copy[nested], depth + 1);
    }
  }
  return copy;
}

export function serializeError(error: unknown): unknown {
  return withoutValues(error instanceof Error ? stdSerializers.err(error) : error);
}

/** The process's one pino logger; request loggers are its children. */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
    },
    destination,
  );
}

/** The Nest injection token of the root logger. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
