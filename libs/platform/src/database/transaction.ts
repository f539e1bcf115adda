import type { DataSource, EntityManager } from 'typeorm';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected

/**
 * Runs `work` in one READ COMMITTED transaction, retrying it from scratch when PostgreSQL
 * reports a deadlock or serialization failure (the work must therefore be safe to repeat).
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // READ COMMITTED is PostgreSQL's default: naming it would cost a round trip per transaction.
      return await dataSource.transaction(work);
    } catch (error) {
      const code = sqlState(error);
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) {
        throw error;
      }
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}

/** The SQLSTATE of a failed query, if any. */
export function sqlState(error: unknown): string | undefined {
  const e = error as { driverError?: { code?: string }; code?: string };
  return e.driverError?.code ?? e.code;
}

export function constraintOf(error: unknown): string | undefined {
  const e = error as { driverError?: { constraint?: string }; constraint?: string };
  return e.driverError?.constraint ?? e.constraint;
}
