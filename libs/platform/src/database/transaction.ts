import type { PoolClient } from 'pg';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { endPipeline, startPipeline } from './statement-pipeline';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected
const IN_FAILED_TRANSACTION = '25P02';

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
      return await pipelinedTransaction(dataSource, work);
    } catch (error) {
      const code = sqlState(error);
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) {
        throw error;
      }
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}

/**
 * One transaction on a connection in pipeline mode: BEGIN and every `deferredQuery` go out
 * without waiting for their answers, so a hot path pays one round trip per answer it needs, not
 * per statement. If any statement failed, the COMMIT rolls back (PostgreSQL ends an aborted
 * transaction that way) and the first failure is what the caller sees.
 */
async function pipelinedTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const postgres = runner as unknown as PostgresRunner;
  const client = (await runner.connect()) as PoolClient;
  const pipeline = startPipeline(runner, client);
  // TypeORM's own writes (manager.save) then see a transaction and do not open one of their own.
  postgres.isTransactionActive = true;
  let broken: Error | undefined;
  try {
    pipeline.add(pipeline.client.query('BEGIN'));
    let result: T;
    try {
      result = await work(runner.manager);
    } catch (error) {
      broken = await rollback(client);
      const failed = await pipeline.firstFailure();
      throw failed && sqlState(error) === IN_FAILED_TRANSACTION ? failed.error : error;
    }
    let committed: unknown;
    try {
      committed = await pipeline.client.query('COMMIT');
    } catch (error) {
      broken = await rollback(client);
      throw new QueryFailedError('COMMIT', [], error as Error);
    }
    const failed = await pipeline.firstFailure();
    if (failed) {
      throw failed.error;
    }
    if ((committed as { command?: string }).command !== 'COMMIT') {
      throw new Error('The transaction was rolled back at COMMIT.');
    }
    return result;
  } finally {
    endPipeline(runner);
    postgres.isTransactionActive = false;
    await postgres.releasePostgresConnection(broken);
  }
}

/** TypeORM's PostgreSQL query runner: its transaction flag, and a release that can tell the pool
 * to drop the connection. */
interface PostgresRunner {
  isTransactionActive: boolean;
  releasePostgresConnection(error?: Error): Promise<void>;
}

/** Ends a failed transaction; a connection that cannot do even that is not pooled again. */
async function rollback(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

/**
 * The SQLSTATE of a failed query, if any. Citus reports a unique violation met while it copies
 * the rows of an INSERT … SELECT into the shards as an internal error (XX000) with PostgreSQL's
 * message: that is still a unique violation (23505).
 */
export function sqlState(error: unknown): string | undefined {
  const e = error as {
    driverError?: { code?: string; message?: string };
    code?: string;
    message?: string;
  };
  const code = e.driverError?.code ?? e.code;
  const message = e.driverError?.message ?? e.message ?? '';
  return code === 'XX000' && message.startsWith('duplicate key value violates unique constraint')
    ? '23505'
    : code;
}

/**
 * The constraint a failed query violated, by the name the migrations gave it. Citus relays a
 * worker's error without its constraint field, naming the shard's copy (with the shard id as a
 * suffix, `pk_order_ids_102040`) in the message only.
 */
export function constraintOf(error: unknown): string | undefined {
  const e = error as {
    driverError?: { constraint?: string; message?: string };
    constraint?: string;
    message?: string;
  };
  const named =
    e.driverError?.constraint ??
    e.constraint ??
    CONSTRAINT_IN_MESSAGE.exec(e.driverError?.message ?? e.message ?? '')?.[1];
  return named?.replace(CITUS_SHARD_SUFFIX, '');
}

const CONSTRAINT_IN_MESSAGE =
  /violates (?:unique|foreign key|check|exclusion) constraint "([^"]+)"/;
/** Citus numbers shards from 102008 up. */
const CITUS_SHARD_SUFFIX = /_\d{6,}$/;
