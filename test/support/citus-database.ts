import { readFile } from 'node:fs/promises';
import { Client } from 'pg';
import { COORDINATOR_TABLES, plannedTables, SHARD_LOCAL_TRIGGERS } from '@vafa/app';

/**
 * Under bench/citus the e2e suites share one distributed database (a Citus database cannot be
 * cloned from a template): each test file starts from the state right after "db distribute",
 * every table emptied and the rows the migrations seed put back.
 */
export interface CitusSeed {
  table: string;
  rows: unknown[];
}

/** The tables of the ledger's append-only guards (each named `<table>_append_only`). */
const GUARDED_TABLES = SHARD_LOCAL_TRIGGERS.map((trigger) => trigger.replace(/_append_only$/, ''));

export async function resetCitusDatabase(url: string, seedFile: string): Promise<void> {
  const seeds = JSON.parse(await readFile(seedFile, 'utf8')) as CitusSeed[];
  const tables = plannedTables().filter((t) => !COORDINATOR_TABLES.includes(t));
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // The guards refuse TRUNCATE on the coordinator's table and on every shard: a test reset is
    // the one place that empties the ledger, so they are switched off around it, there and on
    // the shards (ALTER TABLE … DISABLE TRIGGER does not reach the shards by itself).
    await client.query('SET citus.enable_unsafe_triggers = on');
    await switchGuards(client, 'DISABLE');
    try {
      await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} CASCADE`);
    } finally {
      await switchGuards(client, 'ENABLE');
    }
    for (const { table, rows } of seeds) {
      await client.query(
        `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1)`,
        [JSON.stringify(rows)],
      );
    }
  } finally {
    await client.end();
  }
}

async function switchGuards(client: Client, how: 'DISABLE' | 'ENABLE'): Promise<void> {
  for (const table of GUARDED_TABLES) {
    await client.query(`ALTER TABLE "${table}" ${how} TRIGGER USER`);
    // On the shards the triggers carry the shard id in their names: USER names them all.
    const failed = await client.query<{ result: string }>(
      `SELECT result FROM run_command_on_shards($1, 'ALTER TABLE %s ${how} TRIGGER USER')
       WHERE NOT success`,
      [table],
    );
    if (failed.rows[0]) {
      throw new Error(`${how} TRIGGER on a shard of ${table}: ${failed.rows[0].result}`);
    }
  }
}
