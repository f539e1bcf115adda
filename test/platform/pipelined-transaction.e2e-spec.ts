import type { DataSource } from 'typeorm';
import {
  deferredQuery,
  inTransaction,
  openDataSource,
  preparedQuery,
  type PreparedStatement,
} from '@vafa/platform';
import { createTestDatabase } from '../support/test-database';

const INSERT: PreparedStatement = {
  name: 'test_pipeline_insert',
  text: 'INSERT INTO pipeline_probe (id, note) VALUES ($1, $2)',
};
const COUNT: PreparedStatement = {
  name: 'test_pipeline_count',
  text: 'SELECT count(*)::int AS n FROM pipeline_probe',
};

/** inTransaction on a pipelined connection: statements sent without waiting keep every guarantee. */
describe('inTransaction with statements sent without waiting', () => {
  let dataSource: DataSource;
  const rows = async (): Promise<number[]> =>
    (await dataSource.query<{ id: number }[]>('SELECT id FROM pipeline_probe ORDER BY id')).map(
      (r) => r.id,
    );

  beforeAll(async () => {
    dataSource = await openDataSource(await createTestDatabase(), { entities: [], migrations: [] });
    await dataSource.query('CREATE TABLE pipeline_probe (id int PRIMARY KEY, note text NOT NULL)');
  });
  beforeEach(() => dataSource.query('TRUNCATE pipeline_probe'));
  afterAll(() => dataSource.destroy());

  it('commits deferred writes, in the order they were called, with the awaited ones', async () => {
    const seen = await inTransaction(dataSource, async (manager) => {
      await deferredQuery(manager, INSERT, [1, 'a']);
      await deferredQuery(manager, INSERT, [2, 'b']);
      // Sent after the two writes on the same connection, so it sees them.
      const { rows: counted } = await preparedQuery<{ n: number }>(manager, COUNT, []);
      await deferredQuery(manager, INSERT, [3, 'c']);
      return counted[0]?.n;
    });
    expect(seen).toBe(2);
    expect(await rows()).toEqual([1, 2, 3]);
  });

  it('reports a failed deferred write as itself and writes nothing', async () => {
    const failure = inTransaction(dataSource, async (manager) => {
      await deferredQuery(manager, INSERT, [1, 'a']);
      await deferredQuery(manager, INSERT, [1, 'duplicate']);
      await deferredQuery(manager, INSERT, [2, 'after the failure']);
      return 'done';
    });
    await expect(failure).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(await rows()).toEqual([]);
  });

  it('reports the deferred failure, not "transaction is aborted", to work that reads after it', async () => {
    const failure = inTransaction(dataSource, async (manager) => {
      await deferredQuery(manager, INSERT, [1, 'a']);
      await deferredQuery(manager, INSERT, [1, 'duplicate']);
      await preparedQuery(manager, COUNT, []);
    });
    await expect(failure).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(await rows()).toEqual([]);
  });

  it("keeps the work's own error and rolls back the deferred writes before it", async () => {
    const failure = inTransaction(dataSource, async (manager) => {
      await deferredQuery(manager, INSERT, [1, 'a']);
      throw new Error('refused');
    });
    await expect(failure).rejects.toThrow('refused');
    expect(await rows()).toEqual([]);
  });

  it('returns the connection to the pool clean after each outcome', async () => {
    for (let i = 0; i < 30; i++) {
      await inTransaction(dataSource, async (manager) => {
        await deferredQuery(manager, INSERT, [i, 'x']);
        await deferredQuery(manager, INSERT, [i, 'duplicate']);
      }).catch(() => undefined);
      await inTransaction(dataSource, (manager) => deferredQuery(manager, INSERT, [i, 'ok']));
    }
    expect(await rows()).toHaveLength(30);
    const [open] = await dataSource.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'idle in transaction'",
    );
    expect(open?.n).toBe(0);
  });
});
