import type { DataSource } from 'typeorm';
import { openDataSource } from '@vafa/platform';
import {
  DATABASE_SCHEMA,
  DISTRIBUTED_TABLES,
  distributeDatabase,
  DistributionRefused,
  findDistributionBlockers,
} from '@vafa/app';
import { runCli } from '../insights/insights-helpers';
import { createTestDatabase } from '../support/test-database';

/**
 * The schema stays one Citus can distribute by member (issue 18): checked on plain PostgreSQL
 * from the catalog, so a later migration cannot quietly bring back a program-wide unique index
 * on a member table, a foreign key Citus refuses, or a trigger that is not shard-local.
 */
describe('the schema distributes over Citus', () => {
  let databaseUrl: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataSource = await openDataSource(databaseUrl, DATABASE_SCHEMA, 2);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('has nothing that blocks distribution: every unique index of a distributed table includes its distribution column', async () => {
    expect(await findDistributionBlockers(dataSource.manager)).toEqual([]);
  });

  it('keeps program-wide uniqueness in lookup tables keyed by the unique value', async () => {
    const keys = await dataSource.query<{ table: string; columns: string[] }[]>(
      `SELECT t.relname AS table,
              array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) k
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k) AS columns
       FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
       WHERE x.indisprimary AND t.relname IN ('member_identities', 'order_ids')`,
    );
    expect(Object.fromEntries(keys.map((k) => [k.table, [...k.columns].sort()]))).toEqual({
      member_identities: ['kind', 'value'],
      order_ids: ['order_id'],
    });
    expect(DISTRIBUTED_TABLES).toEqual(
      expect.arrayContaining([
        { table: 'member_identities', column: 'value' },
        { table: 'order_ids', column: 'order_id' },
      ]),
    );
  });

  it('names each thing a migration could add that Citus would refuse', async () => {
    const scratch = await openDataSource(await createTestDatabase(), DATABASE_SCHEMA, 1);
    try {
      await scratch.query('CREATE UNIQUE INDEX uq_members_name ON members (name)');
      await scratch.query('CREATE TABLE stray (id int)');
      await scratch.query('ALTER TABLE campaigns ADD COLUMN owner uuid REFERENCES members (id)');
      await scratch.query(
        `CREATE TRIGGER orders_touch AFTER INSERT ON orders FOR EACH ROW
         EXECUTE FUNCTION ledger_history_is_append_only()`,
      );
      const blockers = await findDistributionBlockers(scratch.manager);
      expect(blockers).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^uq_members_name keeps members\(name\) unique without .* id/),
          'stray is not in the distribution plan',
          expect.stringMatching(/^foreign key \S+ from campaigns to members/),
          expect.stringMatching(/^trigger orders_touch on orders is not known to be shard-local/),
        ]),
      );
      expect(blockers).toHaveLength(4);
    } finally {
      await scratch.destroy();
    }
  });

  it('refuses to distribute a database without the citus extension, in a sentence', async () => {
    await expect(distributeDatabase(dataSource)).rejects.toThrow(DistributionRefused);
    await expect(distributeDatabase(dataSource)).rejects.toThrow(/no citus extension/);
    const cli = await runCli(['db', 'distribute'], databaseUrl);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^This database has no citus extension/);
  });
});
