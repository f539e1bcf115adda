import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Client } from 'pg';
import { withDatabase } from '@vafa/platform';
import type { PhaseCounters } from './counters';
import { measuredWindow } from './measured-window';
import { type PgbenchResult, runPgbench } from './pgbench';

/**
 * The baseline: pgbench's TPC-B-like run against `database` on the bench's server, after a
 * checkpoint, with the server's counters and the machine's CPU taken around the measured run.
 */
export async function measurePgbench(options: {
  bin: string;
  admin: Client;
  serverUrl: string;
  database: string;
  dataDir: string;
  scale: number;
  clients: number;
  seconds: number;
  /** pg_stat_statements is reset at the start (it is read by the caller). */
  profile: boolean;
  postmaster: number | null;
  log: (line: string) => void;
}): Promise<{ result: PgbenchResult; counters: PhaseCounters | null }> {
  const logDir = join(options.dataDir, 'pgbench-logs');
  await mkdir(logDir, { recursive: true });
  await options.admin.query('CHECKPOINT');
  const window = measuredWindow({
    admin: options.admin,
    database: options.database,
    seconds: options.seconds,
    profile: options.profile,
    postmaster: options.postmaster,
  });
  const result = await runPgbench({
    bin: options.bin,
    url: withDatabase(options.serverUrl, options.database),
    scale: options.scale,
    clients: options.clients,
    threads: Math.min(2, options.clients),
    seconds: options.seconds,
    logDir,
    log: options.log,
    beforeRun: window.begin,
    afterRun: window.end,
  });
  const counters = await window.counters(result.transactions, result.tps);
  options.log(`pgbench: ${result.tps.toFixed(1)} TPS`);
  return { result, counters };
}
