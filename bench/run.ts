/**
 * `npm run bench`: a throwaway embedded PostgreSQL (normal durability) and, each in a database of
 * its own on that server:
 *   pgbench   pgbench's TPC-B-like baseline;
 *   ledger    CreditPointsUseCase under concurrent load, called directly;
 *   checkout  POST /v1/pos/checkouts over HTTP against the real API server (a child process),
 *             driven by autocannon: closed loop for the peak, then open loop at a share of it;
 *             GET /health on it and on a bare node:http server with the same pool; then
 *             GET /v1/me with member tokens minted for members with orders (bench/me-load.ts);
 *   webhooks  events delivered per second to a local receiver, and peak checkouts with one
 *             subscribed webhook endpoint against none, alternated (bench/webhooks-load.ts).
 * Prints a table (with issue 17's targets, bench/targets.ts) and writes
 * bench/.runs/<timestamp>.json.
 *
 * Knobs (environment): BENCH_ONLY (pgbench,ledger,checkout,webhooks; the pgbench baseline runs with any
 * other part unless BENCH_BASELINE=0), BENCH_SECONDS (20), BENCH_CLIENTS (16), BENCH_MEMBERS
 * (10000), BENCH_SCALE (10), BENCH_WARMUP_SECONDS (2), BENCH_CHECKOUT_CONNECTIONS (32),
 * BENCH_API_PROCESSES (1; API server processes on one port, as VAFA_API_PROCESSES runs them),
 * BENCH_RATE_PERCENT (70), BENCH_RATE_CONNECTIONS (40), BENCH_RATE_INSTANCES (20),
 * BENCH_FLOOR_SECONDS (5; GET /health on the API server and on a bare node:http server with the
 * API's pool and answer, in turn, BENCH_FLOOR_ROUNDS (4) times each, 0 skips both), BENCH_ME_SECONDS (BENCH_SECONDS; GET /v1/me with the member
 * tokens of 200 members after the checkouts, 0 skips it),
 * BENCH_TPCB_HTTP_SECONDS (10; pgbench's transaction over a bare node:http server, 0 skips it),
 * BENCH_PROFILE=1 (pg_stat_statements breakdown), BENCH_CPU_PROF=1, =me or =health (V8 CPU profile of the API
 * server over the checkout peak, the /v1/me run, or the /health rounds (the bare ones too: what
 * the API does meanwhile), summarised), BENCH_WEBHOOK_EVENTS (20000; events written at once for the delivery
 * rate), BENCH_WEBHOOK_ROUNDS (2; rounds of none, subscribed, subscribed, none peak checkout
 * runs), BENCH_SERVER_NODE_FLAGS and BENCH_BARE_NODE_FLAGS (Node flags for the API server and
 * for the bare server, space-separated, e.g. --trace-gc or --cpu-prof), PGBENCH (path of the
 * pgbench binary).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { arch, availableParallelism, cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { CreditPointsUseCase } from '@vafa/ledger';
import { loadConfig, typeOrmOptions, withDatabase } from '@vafa/platform';
import { createApiApp, migrateDatabase } from '@vafa/app';
import type { PhaseCounters } from './counters';
import {
  POINTS_PER_CHECKOUT,
  prepareCheckout,
  runCheckoutLoad,
  startCheckoutServer,
} from './checkout-load';
import type { ServerLoad } from './checkout-server';
import { summarizeCpuProfiles } from './cpu-profile';
import { CREDIT_POINTS, LedgerLoadResult, runLedgerLoad } from './ledger-load';
import { findPgbench, PgbenchResult } from './pgbench';
import { nameProcess, parentOf } from './processes';
import { probeTpcbOverHttp } from './tpcb-http';
import { type HealthFloors, measureHealthFloors } from './health-floors';
import { ME_MEMBERS, MeRun, mintMemberTokens, runMeLoad, sampleMembers } from './me-load';
import { evaluateTargets, ratio } from './targets';
import { DatabaseProfile, readStatements } from './profile';
import { BenchReport, renderReport } from './report';
import { runWebhooksBench, WebhooksBenchResult } from './webhooks-load';
import { round } from './stats';
import { measuredWindow } from './measured-window';
import { measurePgbench } from './measured-pgbench';
import { createMembers } from './bench-members';
import {
  addCleanup,
  log,
  projectRoot,
  runBenchmark,
  startedAt,
  startedWall,
  startThrowawayPostgres,
} from './harness';

const BENCH_DATABASE = 'bench';
const PGBENCH_DATABASE = 'pgbench';
const CHECKOUT_DATABASE = 'checkout';
const WEBHOOKS_DATABASE = 'webhooks';
const PARTS = ['pgbench', 'ledger', 'checkout', 'webhooks'] as const;
type Part = (typeof PARTS)[number];
const KNOBS = [
  'BENCH_ONLY',
  'BENCH_BASELINE',
  'BENCH_SECONDS',
  'BENCH_CLIENTS',
  'BENCH_MEMBERS',
  'BENCH_SCALE',
  'BENCH_WARMUP_SECONDS',
  'BENCH_CHECKOUT_CONNECTIONS',
  'BENCH_API_PROCESSES',
  'BENCH_RATE_PERCENT',
  'BENCH_RATE_CONNECTIONS',
  'BENCH_RATE_INSTANCES',
  'BENCH_FLOOR_SECONDS',
  'BENCH_FLOOR_ROUNDS',
  'BENCH_ME_SECONDS',
  'BENCH_TPCB_HTTP_SECONDS',
  'BENCH_PROFILE',
  'BENCH_CPU_PROF',
  'BENCH_WEBHOOK_EVENTS',
  'BENCH_WEBHOOK_ROUNDS',
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
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number`);
  }
  return value;
}

async function adminClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  addCleanup(`disconnect ${new URL(url).pathname}`, () => client.end());
  return client;
}

/**
 * A bare server's probe (a child process) inside a measured window: the child is named in the
 * CPU table while it runs, and the window's counters are taken over its requests.
 */
async function measureBareServer<R extends { requestsPerSecond: number; seconds: number }>(
  window: ReturnType<typeof measuredWindow>,
  processName: string,
  probe: (onChild: (pid: number) => void) => Promise<R>,
): Promise<{ result: R; counters: PhaseCounters | null }> {
  let serverPid = 0;
  const result = await probe((pid) => {
    serverPid = pid;
    nameProcess(pid, processName);
  });
  const counters = await window.counters(
    result.requestsPerSecond * result.seconds,
    result.requestsPerSecond,
  );
  nameProcess(serverPid, null);
  return { result, counters };
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

function selectedParts(): Set<Part> {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) {
    return new Set(PARTS);
  }
  const parts = new Set<Part>();
  for (const name of raw.split(',').map((p) => p.trim().toLowerCase())) {
    if (!(PARTS as readonly string[]).includes(name)) {
      throw new Error(`BENCH_ONLY: unknown part "${name}" (known: ${PARTS.join(', ')})`);
    }
    parts.add(name as Part);
  }
  // The baseline is what the other parts are compared with.
  if (process.env.BENCH_BASELINE !== '0') {
    parts.add('pgbench');
  }
  return parts;
}

async function checkCheckouts(db: Client, checkouts: number) {
  const { rows } = await db.query<{
    orders: string;
    points: string | null;
    unlinked: string;
    postings_sum: string | null;
    lots: string | null;
  }>(
    `SELECT (SELECT count(*) FROM orders) AS orders,
            (SELECT sum(points_earned) FROM orders) AS points,
            (SELECT count(*) FROM orders WHERE points_earned > 0 AND earn_transaction_id IS NULL) AS unlinked,
            (SELECT sum(amount) FROM ledger_postings) AS postings_sum,
            (SELECT sum(amount) FROM ledger_lots) AS lots`,
  );
  const row = rows[0];
  const orders = Number(row?.orders ?? 0);
  const points = Number(row?.points ?? 0);
  const lots = Number(row?.lots ?? 0);
  const postingsSum = Number(row?.postings_sum ?? 0);
  const unlinked = Number(row?.unlinked ?? 0);
  return {
    orders,
    points,
    expectedPoints: orders * POINTS_PER_CHECKOUT,
    lotPoints: lots,
    postingsSum,
    unlinked,
    ok:
      orders >= checkouts &&
      points === orders * POINTS_PER_CHECKOUT &&
      lots === points &&
      postingsSum === 0 &&
      unlinked === 0,
  };
}

/** The pool size the API gets when none is configured (if the server could not tell its own). */
const defaultPoolSize = (): number =>
  (typeOrmOptions('', { entities: [], migrations: [] }).extra as { max: number }).max;

const ordersIn = async (db: Client): Promise<number> =>
  Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM orders')).rows[0]?.n ?? 0);

async function main(): Promise<void> {
  const parts = selectedParts();
  const seconds = Math.max(1, intFromEnv('BENCH_SECONDS', 20));
  const clients = Math.max(1, intFromEnv('BENCH_CLIENTS', 16));
  const memberCount = Math.max(1, intFromEnv('BENCH_MEMBERS', 10_000));
  const scale = Math.max(1, intFromEnv('BENCH_SCALE', 10));
  const warmupSeconds = intFromEnv('BENCH_WARMUP_SECONDS', 2);
  const checkoutConnections = Math.max(1, intFromEnv('BENCH_CHECKOUT_CONNECTIONS', 32));
  const apiProcesses = Math.max(1, intFromEnv('BENCH_API_PROCESSES', 1));
  const ratePercent = intFromEnv('BENCH_RATE_PERCENT', 70);
  const rateConnections = Math.max(1, intFromEnv('BENCH_RATE_CONNECTIONS', 40));
  const rateInstances = Math.max(1, intFromEnv('BENCH_RATE_INSTANCES', 20));
  const floorSeconds = intFromEnv('BENCH_FLOOR_SECONDS', 5);
  // Rounds of GET /health on each server (health-floors.ts): four, as one round varies by ±10 %.
  const floorRounds = Math.max(1, intFromEnv('BENCH_FLOOR_ROUNDS', 4));
  const tpcbHttpSeconds = intFromEnv('BENCH_TPCB_HTTP_SECONDS', 10);
  const meSeconds = intFromEnv('BENCH_ME_SECONDS', seconds);
  const profile = process.env.BENCH_PROFILE === '1';
  // `me` profiles the GET /v1/me run instead of the checkout peak.
  const cpuProfilePhase =
    process.env.BENCH_CPU_PROF === 'me' || process.env.BENCH_CPU_PROF === 'health'
      ? process.env.BENCH_CPU_PROF
      : 'peak';
  const cpuProfile = process.env.BENCH_CPU_PROF === '1' || cpuProfilePhase !== 'peak';
  log(`parts: ${PARTS.filter((p) => parts.has(p)).join(', ')}`);
  const pgbenchBin = parts.has('pgbench') ? findPgbench() : null;
  const pgbenchSkipped = !parts.has('pgbench')
    ? 'not selected (BENCH_ONLY / BENCH_BASELINE=0)'
    : pgbenchBin
      ? null
      : 'pgbench not found (looked at $PGBENCH, else /usr/bin/pgbench and PATH); install it with `apt-get install -y postgresql-client`';
  if (pgbenchBin) {
    log(`pgbench: ${pgbenchBin}`);
  } else if (parts.has('pgbench')) {
    console.error(`\n!! ${pgbenchSkipped}\n!! The baseline is skipped.\n`);
  }

  const { dataDir, server } = await startThrowawayPostgres({
    prefix: 'vafa-bench-',
    settings: profile
      ? {
          shared_preload_libraries: 'pg_stat_statements',
          'pg_stat_statements.track': 'all',
          'pg_stat_statements.track_planning': 'on',
        }
      : {},
  });

  const admin = await adminClient(withDatabase(server.url, 'postgres'));
  for (const [part, database] of [
    ['ledger', BENCH_DATABASE],
    ['pgbench', PGBENCH_DATABASE],
    ['checkout', CHECKOUT_DATABASE],
    ['webhooks', WEBHOOKS_DATABASE],
  ] as const) {
    if (parts.has(part)) {
      await admin.query(`CREATE DATABASE ${database}`);
    }
  }
  const version = (await admin.query<{ v: string }>('SELECT version() AS v')).rows[0]?.v ?? '';
  const settings: Record<string, string> = {};
  for (const name of PG_SETTINGS_SHOWN) {
    settings[name] =
      (await admin.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name] ?? '';
  }
  if (profile) {
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  }
  const backend = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const postmaster = await parentOf(backend.rows[0]?.pid ?? 0);
  log(
    `${version.split(' on ')[0]}; ${PG_SETTINGS_SHOWN.map((n) => `${n}=${settings[n]}`).join(', ')}`,
  );
  // Staff keys must look like API keys ("vafa_sk_…") to reach the API key check over HTTP.
  const adminKey = `vafa_sk_bench_${randomBytes(24).toString('base64url')}`;

  // 1. Baseline: pgbench against its own database on the same server.
  let pgbench: PgbenchResult | null = null;
  let pgbenchProfile: DatabaseProfile | null = null;
  let pgbenchCounters: PhaseCounters | null = null;
  if (pgbenchBin) {
    const measured = await measurePgbench({
      bin: pgbenchBin,
      admin,
      serverUrl: server.url,
      database: PGBENCH_DATABASE,
      dataDir,
      scale,
      clients,
      seconds,
      profile,
      postmaster,
      log,
    });
    pgbench = measured.result;
    pgbenchCounters = measured.counters;
    if (profile) {
      pgbenchProfile = await readStatements(admin, PGBENCH_DATABASE, pgbench.transactions);
    }
  }

  // 1b. pgbench's transaction over HTTP from a bare Node server: what any Node service keeps of it.
  let tpcbOverHttp: BenchReport['tpcbOverHttp'] = null;
  if (pgbench && parts.has('checkout') && tpcbHttpSeconds > 0) {
    log(
      `pgbench's transaction over bare node:http: ${clients} connections for ${tpcbHttpSeconds} s …`,
    );
    await admin.query('CHECKPOINT');
    const window = measuredWindow({
      admin,
      database: PGBENCH_DATABASE,
      seconds: tpcbHttpSeconds,
      profile: false,
      postmaster,
    });
    const { result, counters } = await measureBareServer(
      window,
      'node: bare HTTP server (tpcb)',
      (onChild) =>
        probeTpcbOverHttp({
          databaseUrl: withDatabase(server.url, PGBENCH_DATABASE),
          scale,
          connections: clients,
          seconds: tpcbHttpSeconds,
          onChild,
          window,
        }),
    );
    tpcbOverHttp = {
      ...result,
      perPgbenchTransaction: round(result.requestsPerSecond / pgbench.tps, 3),
      counters,
    };
    log(`pgbench's transaction over HTTP: ${result.requestsPerSecond.toFixed(1)} requests/s`);
  }

  // 2. The ledger: CreditPointsUseCase from a real application context.
  let ledger: LedgerLoadResult | null = null;
  let ledgerCounters: PhaseCounters | null = null;
  let ledgerProfile: DatabaseProfile | null = null;
  let ledgerCheck: BenchReport['check'] = null;
  if (parts.has('ledger')) {
    const benchUrl = withDatabase(server.url, BENCH_DATABASE);
    log('migrating database bench …');
    await migrateDatabase(benchUrl);
    const db = await adminClient(benchUrl);
    log(`creating ${memberCount.toLocaleString('en-US')} members …`);
    const memberIds = await createMembers(db, memberCount);

    log('creating the application context …');
    const config = loadConfig({
      VAFA_SCHEDULER: 'off',
      VAFA_LOG_LEVEL: 'silent',
      VAFA_ADMIN_KEY: adminKey,
      VAFA_DATA_DIR: dataDir,
    });
    const app: INestApplication = await createApiApp({
      config,
      databaseUrl: benchUrl,
      print: () => undefined,
    });
    let closed = false;
    const closeApp = async (): Promise<void> => {
      if (closed) {
        return;
      }
      closed = true;
      await app.close();
    };
    addCleanup('close the application', closeApp);
    const useCase = app.get(CreditPointsUseCase);

    await admin.query('CHECKPOINT');
    const window = measuredWindow({
      admin,
      database: BENCH_DATABASE,
      seconds,
      profile,
      postmaster,
    });
    ledger = await runLedgerLoad({
      useCase,
      memberIds,
      clients,
      seconds,
      warmupSeconds,
      log,
      beforeRun: window.begin,
      afterRun: window.end,
    });
    ledgerCounters = await window.counters(ledger.credits, ledger.creditsPerSecond);
    if (profile) {
      ledgerProfile = await readStatements(admin, BENCH_DATABASE, ledger.credits);
    }
    log(`ledger: ${ledger.creditsPerSecond.toFixed(1)} credits/s`);
    if (ledger.errors > 0) {
      log(`ledger errors: ${ledger.errors}, first: ${ledger.firstError}`);
    }
    ledgerCheck = await checkLedger(db, ledger.credits, CREDIT_POINTS);
    // Its pool would otherwise sit beside the checkout server's.
    await closeApp();
  }

  // 3. Checkouts over HTTP against the API server in a child process.
  let checkout: BenchReport['checkout'] = null;
  if (parts.has('checkout')) {
    const checkoutUrl = withDatabase(server.url, CHECKOUT_DATABASE);
    log('migrating database checkout …');
    await migrateDatabase(checkoutUrl);
    const db = await adminClient(checkoutUrl);
    log(`creating ${memberCount.toLocaleString('en-US')} members …`);
    const memberIds = await createMembers(db, memberCount);

    const cpuProfileDir = cpuProfile
      ? join(
          projectRoot(),
          'bench',
          '.runs',
          `cpu-${startedWall.toISOString().replace(/[:.]/g, '-')}`,
        )
      : undefined;
    if (cpuProfileDir) {
      await mkdir(cpuProfileDir, { recursive: true });
    }
    log('starting the API server (child process) …');
    const api = await startCheckoutServer({
      databaseUrl: checkoutUrl,
      adminKey,
      dataDir,
      cpuProfileDir,
      processes: apiProcesses,
    });
    addCleanup('stop the API server', api.stop);
    for (const pid of new Set([api.pid, ...api.apiPids])) {
      nameProcess(pid, 'node: API server (Nest, TypeORM, pg)');
    }
    nameProcess(process.pid, 'node: load generator (autocannon) + bench');
    log(
      apiProcesses > 1
        ? `API server pid ${api.pid} with ${apiProcesses} processes (${api.apiPids.join(', ')}) listening on ${api.baseUrl}`
        : `API server pid ${api.pid} listening on ${api.baseUrl}`,
    );
    const { cashierKey } = await prepareCheckout(api.baseUrl, adminKey);
    await db.query('ANALYZE');

    const floorWindow = (): ReturnType<typeof measuredWindow> =>
      measuredWindow({
        admin,
        database: CHECKOUT_DATABASE,
        seconds: floorSeconds,
        profile: false,
        postmaster,
      });
    // /health on the API and on a bare node:http server with the API's pool and answer: what the
    // API keeps of the bare floor.
    let floors: HealthFloors | null = null;
    const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);
    const healthWindowUs = { fromUs: nowUs(), toUs: 0 };
    if (floorSeconds > 0) {
      const poolSize = api.poolSize ?? defaultPoolSize();
      log(
        `GET /health (HTTP floor), API and bare node:http (pool ${poolSize}) in turn: ${checkoutConnections} connections, ${floorRounds} × ${floorSeconds} s each …`,
      );
      floors = await measureHealthFloors({
        apiBaseUrl: api.baseUrl,
        databaseUrl: checkoutUrl,
        poolSize,
        connections: checkoutConnections,
        seconds: floorSeconds,
        rounds: floorRounds,
        warmupSeconds,
        newWindow: floorWindow,
        measureBare: (window, probe) =>
          measureBareServer(window, 'node: bare HTTP server (/health)', probe),
        log,
      });
    }
    healthWindowUs.toUs = nowUs();
    const floor = floors?.floor ?? null;
    const floorCounters = floors?.floorCounters ?? null;
    const bareFloor = floors?.bareFloor ?? null;
    const bareFloorCounters = floors?.bareFloorCounters ?? null;

    await admin.query('CHECKPOINT');
    const windows = {
      peak: measuredWindow({ admin, database: CHECKOUT_DATABASE, seconds, profile, postmaster }),
      rated: measuredWindow({
        admin,
        database: CHECKOUT_DATABASE,
        seconds: seconds + 1,
        profile: false,
        postmaster,
      }),
    };
    let ordersBefore = 0;
    let ordersInPeak = 0;
    let checkoutProfile: DatabaseProfile | null = null;
    const serverLoad: Record<'peak' | 'rated', ServerLoad | null> = { peak: null, rated: null };
    const peakWindowUs = { fromUs: 0, toUs: 0 };
    const meWindowUs = { fromUs: 0, toUs: 0 };
    const load = await runCheckoutLoad({
      baseUrl: api.baseUrl,
      cashierKey,
      memberIds,
      connections: checkoutConnections,
      seconds,
      warmupSeconds: Math.max(warmupSeconds, 1) + 1,
      ratePercent,
      rateConnections,
      rateInstances,
      log,
      beforeRun: async (run) => {
        if (run === 'peak') {
          ordersBefore = await ordersIn(db);
        }
        await windows[run].begin();
        api.mark();
        if (run === 'peak') {
          peakWindowUs.fromUs = nowUs();
        }
      },
      afterRun: async (run) => {
        if (run === 'peak') {
          peakWindowUs.toUs = nowUs();
        }
        serverLoad[run] = await api.load();
        await windows[run].end();
        if (run !== 'peak') {
          return;
        }
        ordersInPeak = (await ordersIn(db)) - ordersBefore;
        // Statements per checkout: per order committed in the window (requests in flight at
        // either edge are counted by the server but not by autocannon).
        if (profile) {
          checkoutProfile = await readStatements(admin, CHECKOUT_DATABASE, ordersInPeak, 60);
        }
      },
    });
    const peakCounters = await windows.peak.counters(
      load.peak.checkouts,
      load.peak.checkoutsPerSecond,
    );
    const ratedCounters = load.rated
      ? await windows.rated.counters(load.rated.checkouts, load.rated.checkoutsPerSecond)
      : null;
    const check = await checkCheckouts(db, load.peak.checkouts + (load.rated?.checkouts ?? 0));

    // GET /v1/me at peak, for members who now have orders and points.
    let me: MeRun | null = null;
    let meCounters: PhaseCounters | null = null;
    let meServer: ServerLoad | null = null;
    if (meSeconds > 0) {
      const members = await sampleMembers(db, memberIds, ME_MEMBERS);
      log(`minting member tokens for ${members.length} members (POST /v1/members/{id}/tokens) …`);
      const tokens = await mintMemberTokens(api.baseUrl, adminKey, members);
      const window = measuredWindow({
        admin,
        database: CHECKOUT_DATABASE,
        seconds: meSeconds,
        profile: false,
        postmaster,
      });
      me = await runMeLoad({
        baseUrl: api.baseUrl,
        tokens,
        connections: checkoutConnections,
        seconds: meSeconds,
        warmupSeconds,
        log,
        beforeRun: async () => {
          await window.begin();
          api.mark();
          meWindowUs.fromUs = nowUs();
        },
        afterRun: async () => {
          meWindowUs.toUs = nowUs();
          meServer = await api.load();
          await window.end();
        },
      });
      me.server = meServer;
      meCounters = await window.counters(me.requests, me.requestsPerSecond);
      log(`GET /v1/me: ${me.requestsPerSecond.toFixed(1)} requests/s, p99 ${me.latency.p99Ms} ms`);
    }
    nameProcess(process.pid, null);
    await api.stop();
    // The server's own CPU profile, over the peak run (or the /v1/me run) only.
    const cpuSummary = cpuProfileDir
      ? await summarizeCpuProfiles(
          cpuProfileDir,
          { me: meWindowUs, health: healthWindowUs, peak: peakWindowUs }[cpuProfilePhase],
        )
      : null;
    load.peak.server = serverLoad.peak;
    if (load.rated) {
      load.rated.server = serverLoad.rated;
    }
    checkout = {
      ...load,
      checkoutsPerPgbenchTransaction: pgbench
        ? round(load.peak.checkoutsPerSecond / pgbench.tps, 3)
        : null,
      cpuPerCheckoutPerPgbenchTransaction: ratio(
        peakCounters?.cpuMsPerUnit,
        pgbenchCounters?.cpuMsPerUnit,
      ),
      counters: {
        peak: peakCounters,
        rated: ratedCounters,
        floor: floorCounters,
        bareFloor: bareFloorCounters,
        me: meCounters,
      },
      apiPoolSize: api.poolSize,
      floor,
      bareFloor,
      floorPerBareFloor: ratio(floor?.requestsPerSecond, bareFloor?.requestsPerSecond),
      me,
      mePerCheckout: me ? ratio(me.requestsPerSecond, load.peak.checkoutsPerSecond) : null,
      profile: checkoutProfile,
      cpuProfile: cpuSummary
        ? {
            dir: cpuProfileDir ?? '',
            phase: cpuProfilePhase,
            msPerCheckout: round(
              cpuSummary.busyMs /
                Math.max(
                  1,
                  {
                    me: me?.requests ?? 0,
                    health: (floor?.requestsPerSecond ?? 0) * (floor?.seconds ?? 0),
                    peak: load.peak.checkouts,
                  }[cpuProfilePhase],
                ),
              3,
            ),
            ...cpuSummary,
          }
        : null,
      check,
    };
  }

  // 4. Webhooks: delivery to a local receiver; checkouts with and without a subscribed endpoint.
  let webhooks: WebhooksBenchResult | null = null;
  if (parts.has('webhooks')) {
    const webhooksUrl = withDatabase(server.url, WEBHOOKS_DATABASE);
    log('migrating database webhooks …');
    await migrateDatabase(webhooksUrl);
    const db = await adminClient(webhooksUrl);
    log(`creating ${memberCount.toLocaleString('en-US')} members …`);
    const memberIds = await createMembers(db, memberCount);
    webhooks = await runWebhooksBench({
      db,
      databaseUrl: webhooksUrl,
      adminKey,
      dataDir,
      memberIds,
      events: Math.max(1, intFromEnv('BENCH_WEBHOOK_EVENTS', 20_000)),
      rounds: Math.max(1, intFromEnv('BENCH_WEBHOOK_ROUNDS', 2)),
      connections: checkoutConnections,
      seconds,
      warmupSeconds: Math.max(warmupSeconds, 1) + 1,
      log,
      measure: () =>
        measuredWindow({
          admin,
          database: WEBHOOKS_DATABASE,
          seconds,
          profile,
          postmaster,
        }),
      cpuProfileDir: cpuProfile
        ? join(
            projectRoot(),
            'bench',
            '.runs',
            `cpu-webhooks-${startedWall.toISOString().replace(/[:.]/g, '-')}`,
          )
        : undefined,
      readProfile: profile
        ? (checkouts) => readStatements(admin, WEBHOOKS_DATABASE, checkouts, 40)
        : undefined,
    });
  }

  const creditsPerPgbenchTransaction =
    pgbench && ledger ? round(ledger.creditsPerSecond / pgbench.tps, 3) : null;
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
    creditsPerPgbenchTransaction,
    check: ledgerCheck,
    counters: { pgbench: pgbenchCounters, ledger: ledgerCounters },
    profile: profile ? { pgbench: pgbenchProfile, ledger: ledgerProfile } : null,
    tpcbOverHttp,
    checkout,
    webhooks,
    targets: evaluateTargets({
      ...(checkout && pgbench
        ? {
            checkoutsPerPgbenchTps: checkout.checkoutsPerPgbenchTransaction,
            cpuPerCheckoutPerPgbenchTx: checkout.cpuPerCheckoutPerPgbenchTransaction,
          }
        : {}),
      ...(ledger && pgbench ? { creditsPerPgbenchTps: creditsPerPgbenchTransaction } : {}),
      ...(checkout?.bareFloor ? { apiHealthPerBareHealth: checkout.floorPerBareFloor } : {}),
      ...(checkout?.me ? { mePerCheckout: checkout.mePerCheckout } : {}),
    }),
  };

  console.log(`\n${renderReport(report)}\n`);
  const runs = join(projectRoot(), 'bench', '.runs');
  await mkdir(runs, { recursive: true });
  const file = join(runs, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${file}`);
  const problems: string[] = [];
  if (ledgerCheck && !ledgerCheck.ok) {
    problems.push(`ledger consistency check failed: ${JSON.stringify(ledgerCheck)}`);
  }
  if (ledger && ledger.errors > 0) {
    problems.push(`${ledger.errors} credits failed: ${ledger.firstError}`);
  }
  if (checkout && !checkout.check.ok) {
    problems.push(`checkout consistency check failed: ${JSON.stringify(checkout.check)}`);
  }
  for (const run of checkout ? [checkout.peak, checkout.rated] : []) {
    if (!run) {
      continue;
    }
    const failed = Object.values(run.failedByStatus).reduce((a, b) => a + b, 0);
    if (failed + run.errors + run.timeouts > 0) {
      problems.push(
        `checkouts failed: ${JSON.stringify(run.failedByStatus)}, ${run.errors} errors, ${run.timeouts} timeouts; first: ${run.firstFailure}`,
      );
    }
  }
  const me = checkout?.me;
  const meFailed = me ? Object.values(me.failedByStatus).reduce((a, b) => a + b, 0) : 0;
  if (me && meFailed + me.errors + me.timeouts > 0) {
    problems.push(
      `GET /v1/me answered other than 200: ${JSON.stringify(me.failedByStatus)}, ${me.errors} errors, ${me.timeouts} timeouts; first: ${me.firstFailure}`,
    );
  }
  for (const run of webhooks?.checkouts ?? []) {
    if (run.failed > 0) {
      problems.push(`${run.failed} checkouts failed in the webhooks part`);
    }
  }
  if (problems.length > 0) {
    throw new Error(problems.join('\n'));
  }
}

runBenchmark(main);
