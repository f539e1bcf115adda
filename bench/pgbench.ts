import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { LatencySummary, summarizeLatencies } from './stats';

export interface PgbenchResult {
  version: string;
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  transactions: number;
  failed: number;
  tps: number;
  latencyAverageMs: number;
  /** From pgbench's per-transaction log (`-l`). */
  latency: LatencySummary;
  initSeconds: number;
}

/**
 * The pgbench binary: $PGBENCH when set (and nothing else), else /usr/bin/pgbench or the first
 * on PATH; null when there is none.
 */
export function findPgbench(): string | null {
  const candidates = process.env.PGBENCH
    ? [process.env.PGBENCH]
    : [
        '/usr/bin/pgbench',
        ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'pgbench')),
      ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  return null;
}

/** libpq environment for a postgres:// URL (keeps the password off the command line). */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
}

function run(
  bin: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        resolve({ stdout, stderr });
      } else {
        reject(new Error(`${bin} ${args.join(' ')} exited with ${code}:\n${stderr || stdout}`));
      }
    });
  });
}

const numberAfter = (text: string, pattern: RegExp): number => {
  const match = pattern.exec(text);
  if (!match?.[1]) {
    throw new Error(`could not find ${String(pattern)} in pgbench output:\n${text}`);
  }
  return Number(match[1]);
};

/** Reads pgbench's per-transaction logs: the third field is the latency in microseconds. */
async function readTransactionLogs(dir: string): Promise<number[]> {
  const latencies: number[] = [];
  for (const name of await readdir(dir)) {
    if (!name.startsWith('pgbench_log')) {
      continue;
    }
    for (const line of (await readFile(join(dir, name), 'utf8')).split('\n')) {
      const fields = line.split(' ');
      if (fields.length >= 3 && fields[2] !== 'skipped' && fields[2] !== 'failed') {
        latencies.push(Number(fields[2]) / 1000);
      }
    }
  }
  return latencies;
}

/** `pgbench -i -s scale`, then the built-in TPC-B-like script with prepared statements. */
export async function runPgbench(options: {
  bin: string;
  url: string;
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  logDir: string;
  log: (line: string) => void;
  /** Runs between the initialisation and the measured run (e.g. to reset statistics). */
  beforeRun?: () => Promise<void>;
  /** Runs as soon as the measured run ends. */
  afterRun?: () => Promise<void>;
}): Promise<PgbenchResult> {
  const env = libpqEnv(options.url);
  const version = (await run(options.bin, ['--version'], env)).stdout.trim();

  options.log(`pgbench -i -s ${options.scale} …`);
  const initStart = performance.now();
  await run(options.bin, ['-i', '-q', '-s', String(options.scale)], env);
  const initSeconds = (performance.now() - initStart) / 1000;
  await options.beforeRun?.();

  const args = [
    '-c',
    String(options.clients),
    '-j',
    String(options.threads),
    '-T',
    String(options.seconds),
    '-M',
    'prepared',
    '-l',
  ];
  options.log(`pgbench ${args.join(' ')} …`);
  const { stdout } = await run(options.bin, args, env, options.logDir);
  await options.afterRun?.();

  const latencies = await readTransactionLogs(options.logDir);
  return {
    version,
    scale: options.scale,
    clients: options.clients,
    threads: options.threads,
    seconds: options.seconds,
    transactions: numberAfter(stdout, /number of transactions actually processed: (\d+)/),
    failed: /number of failed transactions: (\d+)/.test(stdout)
      ? numberAfter(stdout, /number of failed transactions: (\d+)/)
      : 0,
    tps: numberAfter(stdout, /tps = ([\d.]+)/),
    latencyAverageMs: numberAfter(stdout, /latency average = ([\d.]+) ms/),
    latency: summarizeLatencies(latencies),
    initSeconds: Math.round(initSeconds * 10) / 10,
  };
}
