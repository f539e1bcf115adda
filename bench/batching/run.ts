/**
 * `npm run bench:batching`: the group-commit prototype of bench/DESIGN-batching.md §9 step 1.
 * In one run on a throwaway embedded PostgreSQL: pgbench (the baseline), then ledger credits
 * through CreditBatcher: unbatched first (batch limit 1 on as many connections as pgbench has
 * clients: every credit its own transaction, as today), then at each batch limit on `lanes`,
 * each with its CPU per credit by process, WAL and commits, mean batch size and latency; then the
 * ledger's consistency check. Prints a table and writes bench/.runs/batching-<time>.json.
 *
 * Knobs: BENCH_SECONDS (15), BENCH_CLIENTS (64; credits need concurrency to batch),
 * BENCH_PGBENCH_CLIENTS (16; also the unbatched run's connections), BENCH_BATCH_LIMITS (8,32),
 * BENCH_LANES (2), BENCH_MEMBERS
 * (10000), BENCH_SCALE (10), BENCH_REPLAY_PERCENT (5).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { withDatabase } from '@vafa/platform';
import { migrateDatabase } from '@vafa/app';
import { createMembers } from '../bench-members';
import type { PhaseCounters } from '../counters';
import { log, projectRoot, runBenchmark, startThrowawayPostgres } from '../harness';
import { measuredWindow } from '../measured-window';
import { measurePgbench } from '../measured-pgbench';
import { findPgbench } from '../pgbench';
import { parentOf } from '../processes';
import { round } from '../stats';
import type { BatchMode } from './batch-credit';
import { CreditBatcher } from './credit-batcher';

const MODE_LABELS: Record<BatchMode, string> = {
  set: 'one statement',
  rows: 'a statement per credit',
  savepoints: 'a statement and a savepoint per credit',
};
import { BATCH_CREDIT_POINTS, type CreditLoad, driveCredits } from './credit-load';

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number ≥ 0`);
  }
  return value;
};

interface BatchRun extends CreditLoad {
  batchLimit: number;
  lanes: number;
  mode: BatchMode;
  creditsPerSecond: number;
  perPgbenchTps: number | null;
  meanBatch: number;
  counters: PhaseCounters | null;
}

async function checkLedger(db: Client) {
  const { rows } = await db.query<Record<string, string | null>>(
    `SELECT (SELECT count(*) FROM ledger_transactions) AS transactions,
            (SELECT count(*) FROM ledger_postings) AS postings,
            (SELECT coalesce(sum(amount), 0) FROM ledger_postings) AS postings_sum,
            (SELECT coalesce(sum(available), 0) FROM ledger_accounts) AS available,
            (SELECT coalesce(sum(remaining), 0) FROM ledger_lots) AS lots`,
  );
  const row = rows[0] ?? {};
  const transactions = Number(row.transactions);
  const check = {
    transactions,
    postings: Number(row.postings),
    postingsSum: Number(row.postings_sum),
    available: Number(row.available),
    lots: Number(row.lots),
  };
  const expected = transactions * BATCH_CREDIT_POINTS;
  return {
    ...check,
    ok:
      check.postings === 2 * transactions &&
      check.postingsSum === 0 &&
      check.available === expected &&
      check.lots === expected,
  };
}

async function main(): Promise<void> {
  const seconds = number('BENCH_SECONDS', 15);
  const clients = number('BENCH_CLIENTS', 64);
  const pgbenchClients = number('BENCH_PGBENCH_CLIENTS', 16);
  const lanes = Math.max(1, number('BENCH_LANES', 2));
  const members = number('BENCH_MEMBERS', 10_000);
  const scale = number('BENCH_SCALE', 10);
  const replayShare = number('BENCH_REPLAY_PERCENT', 5) / 100;
  const limits = (process.env.BENCH_BATCH_LIMITS ?? '8,32')
    .split(',')
    .map((s) => Math.max(1, Number(s.trim())));
  const largest = Math.max(...limits);
  const plan: { limit: number; lanes: number; mode: BatchMode }[] = [
    { limit: 1, lanes: pgbenchClients, mode: 'set' },
    ...limits.map((limit) => ({ limit, lanes, mode: 'set' as const })),
    { limit: largest, lanes, mode: 'rows' },
    { limit: largest, lanes, mode: 'savepoints' },
  ];

  const { dataDir, server } = await startThrowawayPostgres({
    prefix: 'vafa-batching-',
    settings: {},
  });
  const admin = new Client({ connectionString: withDatabase(server.url, 'postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE pgbench');
  await admin.query('CREATE DATABASE ledger');
  const backend = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const postmaster = await parentOf(backend.rows[0]?.pid ?? 0);

  let pgbenchTps: number | null = null;
  let pgbenchCounters: PhaseCounters | null = null;
  const pgbenchBin = findPgbench();
  if (pgbenchBin) {
    const measured = await measurePgbench({
      bin: pgbenchBin,
      admin,
      serverUrl: server.url,
      database: 'pgbench',
      dataDir,
      scale,
      clients: pgbenchClients,
      seconds,
      profile: false,
      postmaster,
      log,
    });
    pgbenchTps = measured.result.tps;
    pgbenchCounters = measured.counters;
  } else {
    log('pgbench not found: no baseline (apt-get install -y postgresql-client)');
  }

  const ledgerUrl = withDatabase(server.url, 'ledger');
  log('migrating database ledger …');
  await migrateDatabase(ledgerUrl);
  const db = new Client({ connectionString: ledgerUrl });
  await db.connect();
  log(`creating ${members.toLocaleString('en-US')} members …`);
  const memberIds = await createMembers(db, members);

  const runs: BatchRun[] = [];
  for (const { limit, lanes, mode } of plan) {
    const pool = new Pool({ connectionString: ledgerUrl, max: lanes, pipeline: true });
    const batcher = new CreditBatcher(pool, lanes, limit, mode);
    const drive = (milliseconds: number, tag: string) =>
      driveCredits({ batcher, memberIds, clients, milliseconds, tag, replayShare });
    await drive(2000, `warm-${limit}-${lanes}-${mode}`);
    await admin.query('CHECKPOINT');
    const window = measuredWindow({
      admin,
      database: 'ledger',
      seconds,
      profile: false,
      postmaster,
    });
    const batchesBefore = batcher.batches;
    const itemsBefore = batcher.batchedItems;
    await window.begin();
    const load = await drive(seconds * 1000, `run-${limit}-${lanes}-${mode}`);
    await window.end();
    const creditsPerSecond = (load.credited + load.replayed) / (load.elapsedMs / 1000);
    const counters = await window.counters(load.credited + load.replayed, creditsPerSecond);
    await pool.end();
    const batches = batcher.batches - batchesBefore;
    runs.push({
      ...load,
      batchLimit: limit,
      lanes,
      mode,
      creditsPerSecond: round(creditsPerSecond, 1),
      perPgbenchTps: pgbenchTps ? round(creditsPerSecond / pgbenchTps, 2) : null,
      meanBatch: round((batcher.batchedItems - itemsBefore) / Math.max(batches, 1), 1),
      counters,
    });
    log(`batch limit ${limit}, ${lanes} lanes, ${mode}: ${creditsPerSecond.toFixed(1)} credits/s`);
  }
  const check = await checkLedger(db);
  await db.end();
  await admin.end();

  const row = (cells: (string | number | null)[]): string =>
    `| ${cells.map((c) => (c === null ? 'n/a' : String(c))).join(' | ')} |`;
  const lines = [
    '',
    row([
      'run',
      'per s',
      '÷ pgbench',
      'mean batch',
      'machine CPU ms',
      'ms ÷ pgbench tx',
      'Node ms',
      'PostgreSQL ms',
      'WAL B',
      'commits',
      'p50 / p99 ms',
      'replays',
      'wrong',
      'errors',
    ]),
    row(Array.from({ length: 14 }, () => '---')),
    row([
      `pgbench (${pgbenchClients} clients)`,
      pgbenchTps === null ? null : round(pgbenchTps, 1),
      pgbenchTps === null ? null : 1,
      null,
      pgbenchCounters?.cpuMsPerUnit ?? null,
      1,
      null,
      pgbenchCounters?.cpuMsPerUnitByGroup['postgres: client backends'] ?? null,
      pgbenchCounters?.walBytesPerUnit ?? null,
      pgbenchCounters?.commitsPerUnit ?? null,
      null,
      null,
      null,
      null,
    ]),
    ...runs.map((r) =>
      row([
        r.batchLimit === 1
          ? `credits, unbatched (${clients} clients, ${r.lanes} connections)`
          : `credits, batch ≤ ${r.batchLimit}${r.mode === 'set' ? '' : `, ${MODE_LABELS[r.mode]}`} (${clients} clients, ${r.lanes} lanes)`,
        r.creditsPerSecond,
        r.perPgbenchTps,
        r.meanBatch,
        r.counters?.cpuMsPerUnit ?? null,
        r.counters?.cpuMsPerUnit && pgbenchCounters?.cpuMsPerUnit
          ? round(r.counters.cpuMsPerUnit / pgbenchCounters.cpuMsPerUnit, 2)
          : null,
        r.counters?.cpuMsPerUnitByGroup['node (bench, Nest, TypeORM, pg)'] ?? null,
        r.counters?.cpuMsPerUnitByGroup['postgres: client backends'] ?? null,
        r.counters?.walBytesPerUnit ?? null,
        r.counters?.commitsPerUnit ?? null,
        `${r.latency.p50Ms} / ${r.latency.p99Ms}`,
        r.replayed,
        r.wrong,
        r.errors,
      ]),
    ),
    '',
    `ledger check: ${check.ok ? 'ok' : 'FAILED'} (${check.transactions} transactions, ${check.postings} postings summing to ${check.postingsSum}, ${check.available} points available, ${check.lots} in lots)`,
  ];
  console.log(lines.join('\n'));
  const runsDir = join(projectRoot(), 'bench', '.runs');
  await mkdir(runsDir, { recursive: true });
  const file = join(runsDir, `batching-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify({ pgbenchTps, pgbenchCounters, runs, check }, null, 2));
  log(`wrote ${file}`);
  if (!check.ok || runs.some((r) => r.wrong > 0 || r.errors > 0)) {
    throw new Error('the batched credits broke the ledger or answered wrongly (see above)');
  }
}

runBenchmark(main);
