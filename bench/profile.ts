import type { Client } from 'pg';
import { round } from './stats';

export interface StatementProfile {
  query: string;
  calls: number;
  /** Calls per unit of work (per credit, per pgbench transaction). */
  callsPerUnit: number;
  totalMs: number;
  meanMs: number;
  /** Planning per call (0 for a prepared statement running a cached generic plan). */
  meanPlanMs: number;
  /** Share of all server execution time in this database. */
  sharePercent: number;
  /** WAL this statement wrote per unit of work, and full-page images in it. */
  walBytesPerUnit: number;
  walFpiPerUnit: number;
}

export interface DatabaseProfile {
  database: string;
  units: number;
  statementsPerUnit: number;
  /** Statements the client sent (top level), i.e. round trips; the rest ran inside them. */
  roundTripsPerUnit: number;
  /** Execution time only: parsing, binding and commit (the WAL flush) are not in it. */
  serverMsPerUnit: number;
  planMsPerUnit: number;
  /** WAL written by statements (not by COMMIT records) per unit, and its full-page images. */
  walBytesPerUnit: number;
  walFpiPerUnit: number;
  statements: StatementProfile[];
}

/** pg_stat_statements must be preloaded (BENCH_PROFILE=1) and created in some database. */
export async function resetStatements(admin: Client): Promise<void> {
  await admin.query('SELECT pg_stat_statements_reset()');
}

/** What the server spent its time on in `database` since the last reset. */
export async function readStatements(
  admin: Client,
  database: string,
  units: number,
  limit = 12,
): Promise<DatabaseProfile> {
  const { rows } = await admin.query<{
    query: string;
    calls: string;
    total: number;
    plan: number;
    top_calls: string | null;
    wal_bytes: string;
    wal_fpi: string;
  }>(
    `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, sum(calls) AS calls,
            sum(total_exec_time) AS total, sum(total_plan_time) AS plan, sum(calls) FILTER (WHERE toplevel) AS top_calls,
            sum(wal_bytes) AS wal_bytes, sum(wal_fpi) AS wal_fpi
     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = $1 AND query NOT ILIKE '%pg_stat_statements%'
     GROUP BY 1 ORDER BY 3 DESC`,
    [database],
  );
  const total = rows.reduce((sum, r) => sum + r.total, 0);
  const plan = rows.reduce((sum, r) => sum + r.plan, 0);
  const calls = rows.reduce((sum, r) => sum + Number(r.calls), 0);
  const topLevelCalls = rows.reduce((sum, r) => sum + Number(r.top_calls ?? 0), 0);
  const perUnit = (n: number): number => (units > 0 ? n / units : 0);
  const wal = rows.reduce((sum, r) => sum + Number(r.wal_bytes), 0);
  const fpi = rows.reduce((sum, r) => sum + Number(r.wal_fpi), 0);
  return {
    database,
    units,
    statementsPerUnit: round(perUnit(calls), 2),
    roundTripsPerUnit: round(perUnit(topLevelCalls), 2),
    serverMsPerUnit: round(perUnit(total), 3),
    planMsPerUnit: round(perUnit(plan), 3),
    walBytesPerUnit: Math.round(perUnit(wal)),
    walFpiPerUnit: round(perUnit(fpi), 2),
    statements: rows
      .filter((r) => Number(r.calls) >= units / 100)
      .slice(0, limit)
      .map((r) => ({
        query: r.query.length > 110 ? `${r.query.slice(0, 107)}...` : r.query,
        calls: Number(r.calls),
        callsPerUnit: round(perUnit(Number(r.calls)), 2),
        totalMs: round(r.total, 1),
        meanMs: round(r.total / Math.max(1, Number(r.calls)), 3),
        meanPlanMs: round(r.plan / Math.max(1, Number(r.calls)), 3),
        sharePercent: round(total > 0 ? (100 * r.total) / total : 0, 1),
        walBytesPerUnit: Math.round(perUnit(Number(r.wal_bytes))),
        walFpiPerUnit: round(perUnit(Number(r.wal_fpi)), 2),
      })),
  };
}
