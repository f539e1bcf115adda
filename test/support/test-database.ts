import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '@vafa/platform';
import { resetCitusDatabase } from './citus-database';

export const TEMPLATE_DATABASE = 'vafa_template';

/** Set by the global setup: the throwaway cluster's `postgres` database. */
export function testServerUrl(): string {
  const url = process.env.VAFA_TEST_SERVER_URL;
  if (!url) {
    throw new Error('VAFA_TEST_SERVER_URL is unset: run the e2e tests through jest.e2e.config.js');
  }
  return url;
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database cloned from the migrated template: each test file gets its own program.
 * Under bench/citus (VAFA_TEST_CITUS_URL), the one distributed database, emptied instead.
 */
export async function createTestDatabase(): Promise<string> {
  const citus = process.env.VAFA_TEST_CITUS_URL;
  if (citus) {
    await resetCitusDatabase(citus, process.env.VAFA_TEST_CITUS_SEED ?? '');
    return citus;
  }
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  return withDatabase(testServerUrl(), name);
}
