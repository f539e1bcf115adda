import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Runs `work` only if this process wins the named session-level advisory lock; returns
 * `{ ran: false }` without running it when another instance holds the lock.
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  name: string,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  return holdingLock(
    dataSource,
    name,
    async (runner) => {
      const rows = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        name,
      ])) as { locked: boolean }[];
      return rows[0]?.locked === true;
    },
    work,
  );
}

/**
 * Runs `work` holding the named session-level advisory lock, waiting for it while another
 * session holds it: callers queue and run one at a time.
 */
export async function withQueuedAdvisoryLock<T>(
  dataSource: DataSource,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const outcome = await holdingLock(
    dataSource,
    name,
    async (runner) => {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      return true;
    },
    work,
  );
  if (!outcome.ran) {
    throw new Error(`advisory lock ${name} was not taken`);
  }
  return outcome.result;
}

/** The lock is the session's, so it is taken and released on one dedicated connection. */
async function holdingLock<T>(
  dataSource: DataSource,
  name: string,
  acquire: (runner: QueryRunner) => Promise<boolean>,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    if (!(await acquire(runner))) {
      return { ran: false };
    }
    try {
      return { ran: true, result: await work() };
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  } finally {
    await runner.release();
  }
}
