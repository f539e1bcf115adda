import { Client } from 'pg';
import {
  DATABASE_SCHEMA,
  distributeDatabase,
  type DistributionReport,
  migrateDatabase,
} from '@vafa/app';
import { openDataSource } from '@vafa/platform';

/**
 * Empties the public schema (but its extensions) of the database CITUS_URL names (only with BENCH_CITUS_WIPE=1 when
 * it holds tables), then migrates and distributes it as an operator would.
 */
export async function rebuildDistributedSchema(
  url: string,
  log: (line: string) => void,
): Promise<DistributionReport> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    if ((rows[0]?.n ?? 0) > 0) {
      if (process.env.BENCH_CITUS_WIPE !== '1') {
        throw new Error(
          `The database CITUS_URL names already has ${rows[0]?.n} tables: bench/citus drops and rebuilds its public schema, so run it again with BENCH_CITUS_WIPE=1 if that database is only for benchmarking.`,
        );
      }
      log('dropping the tables, views and functions of the public schema (BENCH_CITUS_WIPE=1) …');
      await dropPublicObjects(client);
    }
    const workers = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM citus_get_active_worker_nodes()',
    );
    if ((workers.rows[0]?.n ?? 0) === 0) {
      throw new Error(
        'The Citus coordinator at CITUS_URL has no active worker nodes: add them (citus_add_node) first.',
      );
    }
  } finally {
    await client.end();
  }
  log('migrating (vafa migration run) …');
  await migrateDatabase(url);
  log('distributing (vafa db distribute) …');
  const dataSource = await openDataSource(url, DATABASE_SCHEMA, 2);
  try {
    const report = await distributeDatabase(dataSource);
    const again = await distributeDatabase(dataSource);
    const redone = again.steps.filter((s) => s.outcome !== 'kept').map((s) => s.table);
    if (redone.length > 0) {
      throw new Error(`a second "db distribute" placed ${redone.join(', ')} again`);
    }
    log(`a second "db distribute" kept all ${again.steps.length} tables as they were`);
    return report;
  } finally {
    await dataSource.destroy();
  }
}

/** Not DROP SCHEMA: the extensions the migrations create live in public and stay. */
async function dropPublicObjects(client: Client): Promise<void> {
  const tables = await client.query<{ name: string }>(
    `SELECT format('%I', tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
  );
  await client.query(`DROP TABLE ${tables.rows.map((t) => t.name).join(', ')} CASCADE`);
  const functions = await client.query<{ name: string }>(
    `SELECT p.oid::regprocedure::text AS name FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  );
  for (const f of functions.rows) {
    await client.query(`DROP FUNCTION ${f.name} CASCADE`);
  }
}
