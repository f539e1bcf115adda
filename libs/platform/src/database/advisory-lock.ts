import type { DataSource } from 'typeorm';

/**
 * Runs `work` only if this process wins the named session-level advisory lock; returns
 * `undefined` without running it when another instance holds the lock.
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  name: string,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const rows = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      name,
    ])) as {
      locked: boolean;
    }[];
    if (!rows[0]?.locked) {
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
