import type { PoolClient } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The statements a transaction sent without waiting for their answers (node-postgres's pipeline
 * mode writes each query at once, before the answers of the ones ahead of it have come back).
 * Their failures are kept here, so that the transaction can report the first one: a statement
 * after a failed one only fails with "current transaction is aborted", which says nothing.
 */
export class StatementPipeline {
  private readonly sent: Promise<void>[] = [];
  private failure: { error: unknown } | null = null;

  /** The transaction's connection: statements sent on it go out at once, in call order. */
  constructor(readonly client: PoolClient) {}

  /** Keeps a sent statement's outcome; its failure is never left unhandled. */
  add(answer: Promise<unknown>): void {
    this.sent.push(
      answer.then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= { error };
        },
      ),
    );
  }

  /** Waits for every statement sent so far; the first failure, if any. */
  async firstFailure(): Promise<{ error: unknown } | null> {
    await Promise.all(this.sent);
    return this.failure;
  }
}

const pipelines = new WeakMap<QueryRunner, StatementPipeline>();

export function startPipeline(runner: QueryRunner, client: PoolClient): StatementPipeline {
  const pipeline = new StatementPipeline(client);
  pipelines.set(runner, pipeline);
  return pipeline;
}

export function endPipeline(runner: QueryRunner): void {
  pipelines.delete(runner);
}

/** The pipeline of the transaction a query runner is in, if it is one of `inTransaction`'s. */
export function pipelineOf(runner: QueryRunner | undefined): StatementPipeline | undefined {
  return runner && !runner.isReleased ? pipelines.get(runner) : undefined;
}

/**
 * Runs read-only `work` on one pooled connection in pipeline mode, outside a transaction: the
 * statements it sends (through preparedQuery) before awaiting any go out together and share one
 * round trip. Each statement sees the database as of its own start, as on the pool.
 */
export async function onOneConnection<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  startPipeline(runner, (await runner.connect()) as PoolClient);
  try {
    return await work(runner.manager);
  } finally {
    endPipeline(runner);
    await runner.release();
  }
}
