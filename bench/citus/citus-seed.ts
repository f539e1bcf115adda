import type { Client } from 'pg';
import { COORDINATOR_TABLES, plannedTables } from '@vafa/app';

/** A table's rows as json_agg gives them. */
export interface CitusSeed {
  table: string;
  rows: unknown[];
}

/**
 * The rows the migrations seeded (the program's settings and the like), read right after
 * "db distribute": the e2e suites start from them (test/support/citus-database.ts).
 */
export async function readCitusSeed(client: Client): Promise<CitusSeed[]> {
  const seeds: CitusSeed[] = [];
  for (const table of plannedTables().filter((t) => !COORDINATOR_TABLES.includes(t))) {
    const { rows } = await client.query<{ rows: unknown[] | null }>(
      `SELECT json_agg(t) AS rows FROM "${table}" t`,
    );
    if (rows[0]?.rows) {
      seeds.push({ table, rows: rows[0].rows });
    }
  }
  return seeds;
}
