import type { DataSource } from 'typeorm';
import {
  deferredQuery,
  inTransaction,
  onOneConnection,
  openDataSource,
  preparedQuery,
  type PreparedStatement,
} from '@vafa/platform';
import { createTestDatabase } from '../support/test-database';

const INSERT: PreparedStatement = {
  name: 'test_pipeline_insert',
  text: 'INSERT INTO pipeline_probe (id, note) VALUES ($1, $2)',
};
const NOTE: PreparedStatement = {
  name: 'test_pipeline_note',
  text: 'SELECT note FROM pipeline_probe WHERE id = $1',
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
      // Other suites share the server; only this suite's own database is its business.
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE state = 'idle in transaction' AND datname = current_database()`,
    );
    expect(open?.n).toBe(0);
  });

  it('answers each of several statements sent at once with its own rows, in order', async () => {
    const notes = await inTransaction(dataSource, async (manager) => {
      await preparedQuery(manager, NOTE, [0]);
      await preparedQuery(manager, INSERT, [0, 'warm-up']);
      const sent = [1, 2, 3].map((id) => preparedQuery(manager, INSERT, [id, `note ${id}`]));
      const read = [3, 1, 2].map((id) => preparedQuery<{ note: string }>(manager, NOTE, [id]));
      await Promise.all(sent);
      return (await Promise.all(read)).map((r) => r.rows[0]?.note);
    });
    expect(notes).toEqual(['note 3', 'note 1', 'note 2']);
  });

  it('fails the statements behind a failed one in a transaction, and the earlier ones stand', async () => {
    let outcomes: (string | undefined)[] = [];
    const failure = inTransaction(dataSource, async (manager) => {
      await preparedQuery(manager, INSERT, [0, 'prepared']);
      outcomes = await Promise.all(
        [1, 1, 2].map((id) =>
          preparedQuery(manager, INSERT, [id, 'x']).then(
            () => 'ok',
            (error: { driverError?: { code?: string } }) => error.driverError?.code,
          ),
        ),
      );
    });
    // The work swallowed the failure, but the transaction cannot commit: nothing is written.
    await expect(failure).rejects.toThrow('rolled back');
    expect(outcomes).toEqual(['ok', '23505', '25P02']);
    expect(await rows()).toEqual([]);
    const seen = await onOneConnection(dataSource, async (manager) => {
      await preparedQuery(manager, INSERT, [0, 'prepared']).catch(() => undefined);
      return Promise.all(
        [5, 5, 6].map((id) =>
          preparedQuery(manager, INSERT, [id, 'y']).then(
            () => 'ok',
            (error: { driverError?: { code?: string } }) => error.driverError?.code,
          ),
        ),
      );
    });
    // Outside a transaction each statement stands alone: only the duplicate fails.
    expect(seen).toEqual(['ok', '23505', 'ok']);
  });

  it("runs TypeORM's own queries after the statements sent before them", async () => {
    const counted = await inTransaction(dataSource, async (manager) => {
      await deferredQuery(manager, INSERT, [1, 'a']);
      await deferredQuery(manager, INSERT, [2, 'b']);
      return manager.query<{ n: number }[]>('SELECT count(*)::int AS n FROM pipeline_probe');
    });
    expect(counted[0]?.n).toBe(2);
  });
});
