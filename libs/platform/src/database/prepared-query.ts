import type { Pool, PoolClient } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { pipelineOf } from './statement-pipeline';

/**
 * The rows a statement returned. TypeORM answers UPDATE and DELETE ... RETURNING with
 * [rows, affected count] and every other statement with the rows alone.
 */
export async function queryRows<T>(
  manager: EntityManager,
  sql: string,
  values: unknown[],
): Promise<T[]> {
  const result = await manager.query<T[] | [T[], number]>(sql, values);
  return Array.isArray(result[0]) ? result[0] : (result as T[]);
}

/** A fixed SQL text with a name unique in the application (at most 63 characters). */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs a hot path's fixed statement as a named prepared statement: on the connection of the
 * transaction `manager` belongs to, or without a transaction on whichever pooled connection is
 * free. PostgreSQL parses and plans it once per connection instead of on every call (and plans it
 * again by itself after a schema change). Errors come wrapped as from `manager.query`.
 *
 * Named statements live in the database session, so a pooler in front of PostgreSQL must keep
 * sessions (or, like PgBouncer 1.21+, track protocol-level prepared statements).
 */
export async function preparedQuery<T>(
  manager: EntityManager,
  statement: PreparedStatement,
  values: unknown[],
): Promise<{ rows: T[]; rowCount: number }> {
  // Inside `inTransaction` the statement is written now, so statements go out in call order.
  const pipeline = pipelineOf(manager.queryRunner);
  const client = pipeline?.client ?? (await connectionFor(manager));
  if (!client) {
    const rows = await queryRows<T>(manager, statement.text, values);
    return { rows, rowCount: rows.length };
  }
  try {
    const result = await client.query<T & object>({
      name: statement.name,
      text: statement.text,
      values,
    });
    return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
  } catch (error) {
    throw new QueryFailedError(statement.text, values, error as Error);
  }
}

/**
 * A write whose answer nobody reads, sent without waiting for it: inside `inTransaction` the
 * statement goes out at once behind the ones before it, and its failure (if any) fails the
 * transaction at the latest at its COMMIT, reported as itself. Elsewhere it simply runs.
 */
export async function deferredQuery(
  manager: EntityManager,
  statement: PreparedStatement,
  values: unknown[],
): Promise<void> {
  const pipeline = pipelineOf(manager.queryRunner);
  if (!pipeline) {
    await preparedQuery(manager, statement, values);
    return;
  }
  pipeline.add(
    pipeline.client
      .query({ name: statement.name, text: statement.text, values })
      .catch((error: Error) => {
        throw new QueryFailedError(statement.text, values, error);
      }),
  );
}

export type Queryable = Pick<Pool, 'query'>;

/** The transaction's own connection; the pool without a transaction; nothing once released. */
async function connectionFor(manager: EntityManager): Promise<Queryable | undefined> {
  const runner = manager.queryRunner;
  if (!runner) {
    return poolOf(manager);
  }
  return runner.isReleased ? undefined : ((await runner.connect()) as PoolClient);
}

/** node-postgres's pool behind a PostgreSQL data source (TypeORM's driver calls it `master`). */
export function poolOf(manager: EntityManager): Queryable | undefined {
  const pool = (manager.connection.driver as { master?: Partial<Pool> }).master;
  return typeof pool?.query === 'function' && typeof pool.connect === 'function'
    ? (pool as Pool)
    : undefined;
}
