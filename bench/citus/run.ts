/**
 * `npm run bench:citus`: Vafa on a real Citus cluster. Given CITUS_URL (a coordinator with
 * workers), it rebuilds that database's schema (migrations, then "db distribute"), runs the
 * checkout benchmark against it and against a throwaway plain PostgreSQL on the same machine,
 * then the money-moving e2e suites (checkout, return, redemption, goodwill, campaign run, jobs,
 * each ending with the ledger audit), and prints what happened. Without CITUS_URL it says so and
 * does nothing.
 *
 * Knobs: BENCH_CITUS_WIPE=1 (allow dropping the public schema of a database that has tables),
 * BENCH_SECONDS (15), BENCH_MEMBERS (5000), BENCH_CHECKOUT_CONNECTIONS (32), BENCH_RATE_PERCENT
 * (70), BENCH_CITUS_BASELINE (1; 0 skips the plain PostgreSQL run), BENCH_CITUS_FLOWS (1; 0
 * skips the e2e suites), BENCH_CITUS_SUITES (comma-separated suite paths instead of the list).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrateDatabase } from '@vafa/app';
import { withDatabase } from '@vafa/platform';
import { log, projectRoot, runBenchmark, startedWall, startThrowawayPostgres } from '../harness';
import { CheckoutMeasurement, measureCheckouts } from './citus-checkout';
import { CITUS_FLOW_SUITES, runCitusFlows, SuiteOutcome } from './citus-flows';
import { rebuildDistributedSchema } from './citus-schema';
import { readCitusSeed } from './citus-seed';
import { renderCitusReport } from './citus-report';

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) ? value : fallback;
};

async function main(): Promise<void> {
  const url = process.env.CITUS_URL ?? '';
  const runs = join(projectRoot(), 'bench', '.runs');
  await mkdir(runs, { recursive: true });
  const stamp = startedWall.toISOString().replace(/[:.]/g, '-');

  const distribution = await rebuildDistributedSchema(url, log);
  const placed = distribution.steps.filter((s) => s.outcome === 'created').length;
  log(
    `Citus ${distribution.citusVersion}, ${distribution.workers} workers: ${placed} tables placed`,
  );
  const seedFile = join(runs, `citus-seed-${stamp}.json`);
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await writeFile(seedFile, JSON.stringify(await readCitusSeed(admin)));
  } finally {
    await admin.end();
  }

  const load = {
    members: number('BENCH_MEMBERS', 5000),
    seconds: number('BENCH_SECONDS', 15),
    connections: number('BENCH_CHECKOUT_CONNECTIONS', 32),
    ratePercent: number('BENCH_RATE_PERCENT', 70),
    log,
  };
  const checkouts: CheckoutMeasurement[] = [
    await measureCheckouts({ ...load, url, database: 'Citus', citus: true }),
  ];
  if (process.env.BENCH_CITUS_BASELINE !== '0') {
    const { server } = await startThrowawayPostgres({ prefix: 'vafa-bench-plain-', settings: {} });
    const plainUrl = withDatabase(server.url, 'postgres');
    await migrateDatabase(plainUrl);
    checkouts.push(
      await measureCheckouts({
        ...load,
        url: plainUrl,
        database: 'plain PostgreSQL',
        citus: false,
      }),
    );
  }

  let flows: SuiteOutcome[] = [];
  if (process.env.BENCH_CITUS_FLOWS !== '0') {
    const suites = process.env.BENCH_CITUS_SUITES?.split(',').filter(Boolean) ?? CITUS_FLOW_SUITES;
    log(`the money-moving e2e suites on Citus (${suites.length}, one at a time) …`);
    flows = await runCitusFlows({
      root: projectRoot(),
      url,
      seedFile,
      outputFile: join(runs, `citus-flows-${stamp}.json`),
      suites,
    });
  }

  const report = renderCitusReport({
    when: startedWall,
    machine: `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'})`,
    distribution,
    checkouts,
    flows,
  });
  console.log(`\n${report}`);
  await writeFile(join(runs, `citus-${stamp}.md`), report);
  if (flows.some((f) => f.failed > 0) || checkouts.some((c) => c.failed > 0)) {
    process.exitCode = 1;
  }
}

if (process.env.CITUS_URL) {
  runBenchmark(main);
} else {
  console.log(
    'bench/citus: CITUS_URL is unset, so nothing ran. Point it at a Citus coordinator with workers (README, "Scaling out on Citus"), e.g. CITUS_URL=postgres://postgres@localhost:9700/vafa npm run bench:citus.',
  );
}
