import type { Client } from 'pg';

/** One statement of pg_stat_statements, summed over a step. */
export interface StatementCost {
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
  query: string;
}

export async function resetStatements(admin: Client): Promise<void> {
  await admin.query('SELECT pg_stat_statements_reset()');
}

/** The statements that took the most time in `database` since the last reset. */
export async function topStatements(
  admin: Client,
  database: string,
  limit = 8,
): Promise<StatementCost[]> {
  const { rows } = await admin.query<{
    calls: string;
    total_ms: number;
    rows: string;
    query: string;
  }>(
    `SELECT s.calls, s.total_exec_time + s.total_plan_time AS total_ms, s.rows, s.query
     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = $1 AND s.toplevel
     ORDER BY total_ms DESC LIMIT $2`,
    [database, limit],
  );
  return rows.map((r) => ({
    calls: Number(r.calls),
    totalMs: Math.round(r.total_ms),
    meanMs: Math.round((r.total_ms / Math.max(1, Number(r.calls))) * 100) / 100,
    rows: Number(r.rows),
    query: r.query.replace(/\s+/g, ' ').slice(0, 160),
  }));
}
