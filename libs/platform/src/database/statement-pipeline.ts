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
  private corked = false;

  constructor(private readonly connection: PoolClient) {}

  /**
   * The connection, to send a statement on now. Statements sent before the current tick ends
   * leave in one write: on this machine a socket write costs about as much as planning a
   * statement, and pg would otherwise write each statement on its own.
   */
  get client(): PoolClient {
    const stream = (this.connection as unknown as PgConnection).connection?.stream;
    if (!this.corked && stream) {
      this.corked = true;
      stream.cork();
      process.nextTick(() => {
        this.corked = false;
        stream.uncork();
      });
    }
    return this.connection;
  }

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

/** node-postgres's client internals: the socket its protocol messages are written to. */
interface PgConnection {
  connection?: { stream?: { cork(): void; uncork(): void } };
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
