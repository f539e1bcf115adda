/**
 * `npm run bench:insights`: the scale benchmark of the insights and campaigns (issue 7). A
 * throwaway embedded PostgreSQL (normal durability); for each size in BENCH_SIZES (default
 * 100k and 1M members) a seeded synthetic purchase history drawn from known BG/NBD and
 * Gamma-Gamma parameters (about 3 purchases a member) is written as the import's CSV, and in a
 * fresh database of its own three steps are timed:
 *   import    `node dist/apps/cli/src/main.js import transactions FILE` (the CLI, a child process);
 *   fit       InsightsRefreshJob.run(asOf): BG/NBD + Gamma-Gamma fit and the scoring of every
 *             member, as POST /v1/insights/models/fit does;
 *   campaign  RunCampaignUseCase.run: audience top_clv_percent 20, a 100-point gift, 10 % holdout.
 * The real CDNOW master (../shared/data/cdnow) goes through the same steps when it is there.
 * Prints the tables (seconds, rates, the large/small ratio per step with PASS/FAIL against the
 * targets: at 1M ≤ 60 s per step, 1M/100k ≤ 11×) and writes bench/.runs/insights-<timestamp>.json.
 *
 * Knobs (environment): BENCH_SIZES (100k,1M; plain numbers or k/M suffixes), BENCH_SEED
 * (20261124), BENCH_CDNOW=0 (skip the CDNOW master), BENCH_PROFILE=1 (pg_stat_statements per
 * step), BENCH_IMPORT_BATCH (the CLI's --batch-size; its default when unset), BENCH_PG_SETTINGS
 * (extra server settings, e.g. `shared_buffers=1GB,max_wal_size=4GB`; the embedded defaults
 * otherwise).
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { arch, cpus, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { RunCampaignUseCase } from '@vafa/campaigns';
import { InsightsRefreshJob } from '@vafa/insights';
import { loadConfig, withDatabase } from '@vafa/platform';
import { createApiApp, migrateDatabase } from '@vafa/app';
import {
  addCleanup,
  cleanUpNow,
  log,
  projectRoot,
  runBenchmark,
  startedAt,
  startedWall,
  startThrowawayPostgres,
} from '../harness';
import { CORES, type CpuUse, startCpuWindow } from './cpu';
import { SYNTHETIC_AS_OF_DAY, TRUTH, writeCdnowHistory, writeSyntheticHistory } from './generate';
import { resetStatements, type StatementCost, topStatements } from './statements';
import {
  type Check,
  compare,
  type DatasetResult,
  DISTURBED_CORES,
  renderTables,
  sizeName,
  STEP_TITLES,
  type StepName,
  type StepResult,
} from './table';

const KNOBS = [
  'BENCH_SIZES',
  'BENCH_SEED',
  'BENCH_CDNOW',
  'BENCH_PROFILE',
  'BENCH_IMPORT_BATCH',
  'BENCH_PG_SETTINGS',
];
const PG_SETTINGS_SHOWN = [
  'checkpoint_timeout',
  'fsync',
  'synchronous_commit',
  'full_page_writes',
  'shared_buffers',
  'work_mem',
  'maintenance_work_mem',
  'max_wal_size',
];
const CAMPAIGN = {
  name: 'Bench: top 20 % by CLV',
  audience: { segment: 'top_clv_percent', params: { percent: 20 } },
  gift: { type: 'points', points: 100 },
  holdoutPercent: 10,
};
const TOP_PERCENT = 20;
const GIFT_POINTS = 100;

function parseSettings(raw: string | undefined): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const part of (raw ?? '').split(',')) {
    if (!part.trim()) {
      continue;
    }
    const m = /^\s*([a-z_.]+)\s*=\s*([\w.]+)\s*$/i.exec(part);
    if (!m?.[1] || !m[2]) {
      throw new Error(`BENCH_PG_SETTINGS: "${part}" is not name=value`);
    }
    settings[m[1]] = m[2];
  }
  return settings;
}

function parseSizes(raw: string | undefined): number[] {
  const text = raw?.trim() || '100k,1M';
  const sizes = text.split(',').map((part) => {
    const m = /^(\d+(?:_\d{3})*)([kKmM]?)$/.exec(part.trim());
    if (!m?.[1]) {
      throw new Error(`BENCH_SIZES: "${part}" is not a size such as 100000, 100k or 1M`);
    }
    const n = Number(m[1].replace(/_/g, ''));
    const scale = { '': 1, k: 1_000, K: 1_000, m: 1_000_000, M: 1_000_000 }[m[2] ?? ''] ?? 1;
    if (n * scale < 100) {
      throw new Error('BENCH_SIZES: at least 100 members a size');
    }
    return n * scale;
  });
  return [...new Set(sizes)].sort((u, v) => u - v);
}

function runCli(
  args: string[],
  databaseUrl: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [join('dist', 'apps', 'cli', 'src', 'main.js'), ...args],
      {
        cwd: projectRoot(),
        env: { ...process.env, DATABASE_URL: databaseUrl, VAFA_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

/** The numbers of the import's summary line ("Imported f.csv in 1.2 s: 10 rows read, …"). */
function importSummary(stdout: string): Record<string, number> {
  const line = stdout.split('\n').find((l) => l.startsWith('Imported '));
  if (!line) {
    throw new Error(`the import printed no summary line:\n${stdout}`);
  }
  const numbers: Record<string, number> = {};
  for (const [, n, label] of line.matchAll(/(\d+) ([a-z ]+?)(?=[,.]| on )/g)) {
    if (n !== undefined && label !== undefined) {
      numbers[label.trim()] = Number(n);
    }
  }
  numbers.seconds = Number(/in ([\d.]+) s:/.exec(line)?.[1]);
  return numbers;
}

const count = async (db: Client, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

const describe = (error: unknown, stack: boolean): string =>
  error instanceof Error
    ? ((stack ? error.stack : undefined) ?? error.message)
    : JSON.stringify(error);

const relativeError = (value: number, truth: number): number => Math.abs(value - truth) / truth;

interface Dataset {
  name: string;
  kind: DatasetResult['kind'];
  file: string;
  members: number;
  rows: number;
  repeatCustomers: number | null;
  bytes: number;
  generateSeconds: number;
  /** The fit runs on purchases up to the end of this day. */
  asOf: Date;
}

async function benchDataset(options: {
  dataset: Dataset;
  admin: Client;
  serverUrl: string;
  dataDir: string;
  profile: boolean;
  importBatch: number | null;
}): Promise<DatasetResult> {
  const { dataset, admin, profile } = options;
  const database = `insights_${dataset.name.toLowerCase()}`;
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  const dropName = `drop database ${database}`;
  addCleanup(dropName, () => admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  const url = withDatabase(options.serverUrl, database);
  await migrateDatabase(url);
  const db = new Client({ connectionString: url });
  await db.connect();
  const disconnectName = `disconnect ${database}`;
  addCleanup(disconnectName, () => db.end());

  const steps: StepResult[] = [];
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string): void => {
    checks.push({ name, ok, detail });
    log(`  check ${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
  };
  const timed = async <T>(
    step: StepName,
    work: () => Promise<T>,
    units: (result: T) => { units: number; unit: StepResult['unit'] },
    detail: (result: T) => Record<string, unknown>,
  ): Promise<T> => {
    await admin.query('CHECKPOINT');
    if (profile) {
      await resetStatements(admin);
    }
    log(`${dataset.name}: ${STEP_TITLES[step]} …`);
    const endCpu = await startCpuWindow();
    const started = performance.now();
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    const cpu: CpuUse = await endCpu();
    const statements: StatementCost[] | null = profile
      ? await topStatements(admin, database)
      : null;
    const u = units(result);
    steps.push({
      step,
      seconds,
      ...u,
      unitsPerSecond: u.units / seconds,
      cpu,
      disturbed: cpu.otherCores > DISTURBED_CORES,
      detail: detail(result),
      statements,
    });
    log(
      `${dataset.name}: ${STEP_TITLES[step]} took ${seconds.toFixed(2)} s ` +
        `(${Math.round(u.units / seconds).toLocaleString('en-US')} ${u.unit}/s; CPU bench ${cpu.benchCpuSeconds.toFixed(1)} s, ` +
        `CLI ${cpu.cliCpuSeconds.toFixed(1)} s, postgres ${cpu.postgresCpuSeconds.toFixed(1)} s; ` +
        `iowait ${cpu.iowaitCores.toFixed(2)} cores; other programs ${cpu.otherCores.toFixed(2)} cores)`,
    );
    for (const s of statements ?? []) {
      log(`    ${String(s.totalMs).padStart(7)} ms ${String(s.calls).padStart(6)}× ${s.query}`);
    }
    return result;
  };

  // 1. The import, through the CLI as an operator runs it.
  const args = ['import', 'transactions', dataset.file];
  if (options.importBatch) {
    args.push('--batch-size', String(options.importBatch));
  }
  const imported = await timed(
    'import',
    async () => {
      const outcome = await runCli(args, url);
      if (outcome.code !== 0) {
        throw new Error(`the import exited with ${outcome.code}:\n${outcome.stderr}`);
      }
      return importSummary(outcome.stdout);
    },
    () => ({ units: dataset.rows, unit: 'rows' }),
    (summary) => ({ cliSummary: summary }),
  );
  const membersInDb = await count(db, 'SELECT count(*) AS n FROM members');
  const ordersInDb = await count(db, 'SELECT count(*) AS n FROM orders');
  check(
    'import',
    membersInDb === dataset.members &&
      ordersInDb === dataset.rows &&
      imported['bad rows'] === 0 &&
      imported['orders imported'] === dataset.rows,
    `${membersInDb} members and ${ordersInDb} orders in the database (expected ${dataset.members} and ${dataset.rows}), ${imported['bad rows']} bad rows`,
  );
  await db.query('ANALYZE');

  // The application, as the API server builds it (the scheduler off).
  const adminKey = `vafa_sk_bench_${randomBytes(24).toString('base64url')}`;
  const app: INestApplication = await createApiApp({
    config: loadConfig({
      VAFA_SCHEDULER: 'off',
      VAFA_LOG_LEVEL: 'warn',
      VAFA_ADMIN_KEY: adminKey,
      VAFA_DATA_DIR: options.dataDir,
    }),
    databaseUrl: url,
    print: () => undefined,
  });
  const closeName = `close the application on ${database}`;
  addCleanup(closeName, () => app.close());

  // 2. Fit and score every member, as POST /v1/insights/models/fit does.
  const model = await timed(
    'fit',
    async () => {
      const fitted = await app.get(InsightsRefreshJob).run(dataset.asOf);
      if (!fitted) {
        throw new Error('the insights refresh was skipped: its lock was held');
      }
      return fitted;
    },
    (m) => ({ units: m.customers, unit: 'members' }),
    (m) => ({ customers: m.customers, bgnbd: m.bgnbd, gammaGamma: m.gammaGamma }),
  );
  const scored = await count(db, 'SELECT count(*) AS n FROM member_insights WHERE clv IS NOT NULL');
  check(
    'scores',
    model.customers === dataset.members && scored === dataset.members,
    `model on ${model.customers} members, ${scored} members with a CLV (expected ${dataset.members})`,
  );
  if (dataset.kind === 'synthetic') {
    const { r, alpha, a, b } = model.bgnbd;
    const t = TRUTH.bgnbd;
    const g = model.gammaGamma;
    const tg = TRUTH.gammaGamma;
    const errors = {
      rate: relativeError(r / alpha, t.r / t.alpha),
      dropout: relativeError(a / (a + b), t.a / (t.a + t.b)),
      meanSpend: relativeError((g.p * g.gamma) / (g.q - 1), (tg.p * tg.gamma) / (tg.q - 1)),
    };
    check(
      'recovered parameters',
      errors.rate < 0.05 && errors.dropout < 0.05 && errors.meanSpend < 0.05,
      `relative error of r/α ${(errors.rate * 100).toFixed(2)} %, a/(a+b) ${(errors.dropout * 100).toFixed(2)} %, ` +
        `mean spend ${(errors.meanSpend * 100).toFixed(2)} %`,
    );
  }

  // 3. A campaign over the top 20 % by CLV.
  const baseUrl = await app.listen(0, '127.0.0.1').then(() => app.getUrl());
  const response = await fetch(`${baseUrl.replace('[::1]', '127.0.0.1')}/v1/campaigns`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(CAMPAIGN),
  });
  if (response.status !== 201) {
    throw new Error(`creating the campaign: ${response.status} ${await response.text()}`);
  }
  const campaignId = ((await response.json()) as { id: string }).id;
  const run = await timed(
    'campaign',
    () => app.get(RunCampaignUseCase).run(campaignId, { trigger: 'manual' }),
    (r) => ({ units: r.eligible, unit: 'members' }),
    (r) => ({ ...r }),
  );
  const expectedEligible = Math.ceil((scored * TOP_PERCENT) / 100);
  const points = await count(
    db,
    `SELECT coalesce(sum(points), 0) AS n FROM ledger_transactions WHERE kind = 'campaign'`,
  );
  const postingsSum = await count(db, 'SELECT coalesce(sum(amount), 0) AS n FROM ledger_postings');
  const holdoutShare = run.holdout / Math.max(1, run.eligible);
  check(
    'campaign',
    run.eligible === expectedEligible &&
      run.holdout + run.granted + run.skipped === run.eligible &&
      Math.abs(holdoutShare - 0.1) < 0.02 + 3 / Math.sqrt(Math.max(1, run.eligible)) &&
      points === GIFT_POINTS * run.granted &&
      postingsSum === 0,
    `${run.eligible} eligible (expected ${expectedEligible}), ${run.granted} granted, ${run.holdout} holdout ` +
      `(${(holdoutShare * 100).toFixed(1)} %), ${run.skipped} skipped; ${points} points credited, postings sum ${postingsSum}`,
  );

  await cleanUpNow(closeName);
  await cleanUpNow(disconnectName);
  await cleanUpNow(dropName);
  return {
    name: dataset.name,
    kind: dataset.kind,
    members: dataset.members,
    rows: dataset.rows,
    repeatCustomers: dataset.repeatCustomers,
    fileBytes: dataset.bytes,
    generateSeconds: dataset.generateSeconds,
    steps,
    checks,
  };
}

async function main(): Promise<void> {
  const sizes = parseSizes(process.env.BENCH_SIZES);
  const seed = Number(process.env.BENCH_SEED ?? 20261124);
  if (!Number.isSafeInteger(seed)) {
    throw new Error('BENCH_SEED must be a whole number');
  }
  const profile = process.env.BENCH_PROFILE === '1';
  const importBatch = process.env.BENCH_IMPORT_BATCH
    ? Number(process.env.BENCH_IMPORT_BATCH)
    : null;
  const root = projectRoot();
  const cdnowMaster = resolve(root, '..', 'shared', 'data', 'cdnow', 'CDNOW_master.txt');
  const withCdnow = process.env.BENCH_CDNOW !== '0' && existsSync(cdnowMaster);
  if (!existsSync(join(root, 'dist', 'apps', 'cli', 'src', 'main.js'))) {
    throw new Error('dist/apps/cli/src/main.js is missing: run `npm run -s build` first');
  }
  log(
    `sizes: ${sizes.map(sizeName).join(', ')}; seed ${seed}; CDNOW master: ${withCdnow ? cdnowMaster : 'skipped'}`,
  );

  const { dataDir, server } = await startThrowawayPostgres({
    prefix: 'vafa-bench-insights-',
    settings: {
      ...(profile
        ? {
            shared_preload_libraries: 'pg_stat_statements',
            'pg_stat_statements.track': 'top',
            'pg_stat_statements.track_planning': 'on',
          }
        : {}),
      ...parseSettings(process.env.BENCH_PG_SETTINGS),
    },
  });

  const admin = new Client({ connectionString: withDatabase(server.url, 'postgres') });
  await admin.connect();
  addCleanup('disconnect postgres', () => admin.end());
  if (profile) {
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  }
  const version = (await admin.query<{ v: string }>('SELECT version() AS v')).rows[0]?.v ?? '';
  const settings: Record<string, string> = {};
  for (const name of PG_SETTINGS_SHOWN) {
    settings[name] =
      (await admin.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name] ?? '';
  }
  log(
    `${version.split(' on ')[0]}; ${PG_SETTINGS_SHOWN.map((n) => `${n}=${settings[n]}`).join(', ')}`,
  );

  const datasets: DatasetResult[] = [];
  let failure: unknown = null;
  try {
    const plan: (() => Promise<Dataset>)[] = [];
    if (withCdnow) {
      plan.push(async () => {
        const file = join(dataDir, 'cdnow-master.csv');
        const written = await writeCdnowHistory(cdnowMaster, file);
        return {
          name: 'cdnow',
          kind: 'cdnow',
          ...written,
          repeatCustomers: null,
          generateSeconds: written.seconds,
          asOf: new Date('1998-06-30T23:59:59.999Z'),
        };
      });
    }
    for (const members of sizes) {
      plan.push(async () => {
        const file = join(dataDir, `synthetic-${sizeName(members)}.csv`);
        log(`writing ${members.toLocaleString('en-US')} synthetic members to ${file} …`);
        const written = await writeSyntheticHistory({ file, members, seed });
        log(
          `  ${written.rows.toLocaleString('en-US')} rows (${(written.rows / members).toFixed(2)} a member, ` +
            `${((written.repeatCustomers / members) * 100).toFixed(1)} % repeat customers), ` +
            `${(written.bytes / 1024 ** 2).toFixed(0)} MiB in ${written.seconds.toFixed(1)} s`,
        );
        return {
          name: sizeName(members),
          kind: 'synthetic',
          ...written,
          generateSeconds: written.seconds,
          asOf: new Date(`${SYNTHETIC_AS_OF_DAY}T23:59:59.999Z`),
        };
      });
    }
    for (const prepare of plan) {
      const dataset = await prepare();
      try {
        datasets.push(
          await benchDataset({
            dataset,
            admin,
            serverUrl: server.url,
            dataDir,
            profile,
            importBatch,
          }),
        );
      } finally {
        await rm(dataset.file, { force: true });
      }
    }
  } catch (error) {
    failure = error;
  }

  const comparisons = compare(datasets);
  const report = {
    startedAt: startedWall.toISOString(),
    durationSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
    command: [
      ...KNOBS.filter((n) => process.env[n]).map((n) => `${n}=${process.env[n]}`),
      'npm run bench:insights',
    ].join(' '),
    machine: {
      nproc: CORES,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      arch: arch(),
      kernel: release(),
      node: process.version,
    },
    postgres: { version, settings },
    seed,
    truth: TRUTH,
    datasets,
    comparisons,
    error: failure === null ? null : describe(failure, true),
  };
  if (datasets.length > 0) {
    console.log(`\n${renderTables(datasets, comparisons)}\n`);
  }
  const runs = join(root, 'bench', '.runs');
  await mkdir(runs, { recursive: true });
  const file = join(runs, `insights-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${file}`);

  const problems: string[] = [];
  if (failure !== null) {
    problems.push(describe(failure, false));
  }
  for (const d of datasets) {
    for (const c of d.checks) {
      if (!c.ok) {
        problems.push(`${d.name}: check ${c.name}: ${c.detail}`);
      }
    }
  }
  const disturbed = datasets.flatMap((d) =>
    d.steps.filter((s) => s.disturbed).map((s) => `${d.name} ${s.step}`),
  );
  if (disturbed.length > 0) {
    log(`other programs used more than ${DISTURBED_CORES} cores during: ${disturbed.join(', ')}`);
  }
  const missed = comparisons.filter((c) => !c.secondsOk || !c.ratioOk);
  if (missed.length > 0) {
    log(`targets missed: ${missed.map((c) => STEP_TITLES[c.step]).join(', ')}`);
  }
  if (problems.length > 0) {
    throw new Error(problems.join('\n'));
  }
}

runBenchmark(main);
