import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, withDatabase } from '@vafa/platform';
import { migrateDatabase } from '@vafa/app';
import { TEMPLATE_DATABASE, adminQuery } from './test-database';

/** One throwaway embedded PostgreSQL for the whole e2e run, with a migrated template database. */
export default async function globalSetup(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vafa-test-'));
  const database = await startEmbeddedPostgres({
    dataDir,
    // Durability buys nothing for a database thrown away after the run.
    settings: {
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '400',
    },
  });
  process.env.VAFA_TEST_SERVER_URL = withDatabase(database.url, 'postgres');
  process.env.VAFA_TEST_DATA_DIR = dataDir;
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await migrateDatabase(withDatabase(database.url, TEMPLATE_DATABASE));
  (globalThis as { vafaTestDatabase?: typeof database }).vafaTestDatabase = database;
}
