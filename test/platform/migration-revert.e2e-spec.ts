import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '../../migrations';
import { runCli } from '../insights/insights-helpers';
import { createTestDatabase } from '../support/test-database';

const CLI_ENTRY = join(__dirname, '../../dist/apps/cli/src/main.js');

/** Tables, columns, constraints, indexes, views and functions of the public schema, as text. */
const SCHEMA_SHAPE = `
  SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
         || ' ' || coalesce(column_default, '') AS item
  FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL
  SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL
  SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL
  SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'
  UNION ALL
  SELECT 'function ' || p.oid::regprocedure || ' ' || md5(p.prosrc)
  FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
  ORDER BY 1`;

describe('npm run migration:revert', () => {
  let databaseUrl: string;
  let client: Client;
  const shape = async (): Promise<string[]> =>
    (await client.query<{ item: string }>(SCHEMA_SHAPE)).rows.map((r) => r.item);
  const applied = async (): Promise<string[]> =>
    (
      await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id')
    ).rows.map((r) => r.name);

  beforeAll(async () => {
    if (!existsSync(CLI_ENTRY)) {
      throw new Error('the build is missing: run "npm run build:api" first');
    }
    databaseUrl = await createTestDatabase();
    client = new Client({ connectionString: databaseUrl });
    await client.connect();
  });
  afterAll(() => client.end());

  it('undoes the last migration, and "migration run" then leaves the schema as it was', async () => {
    const last = MIGRATIONS.at(-1)?.name ?? '';
    const before = await shape();
    const history = await applied();
    expect(history.at(-1)).toBe(last);

    const revert = await runCli(['migration', 'revert'], databaseUrl);
    expect(revert.stderr).toBe('');
    expect(revert.code).toBe(0);
    expect(revert.stdout.trim()).toBe(`Reverted: ${last}`);
    expect(await applied()).toEqual(history.slice(0, -1));

    const run = await runCli(['migration', 'run'], databaseUrl);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(`Applied: ${last}`);
    expect(await applied()).toEqual(history);
    expect(await shape()).toEqual(before);
  });
});
