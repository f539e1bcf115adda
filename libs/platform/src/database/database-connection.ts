import { startEmbeddedPostgres, RunningDatabase } from './embedded-postgres-server';

export interface DatabaseTarget {
  databaseUrl?: string;
  dataDir: string;
}

/** The external database when one is configured, the embedded one otherwise. */
export async function connectDatabase(
  target: DatabaseTarget,
  options: { adopt: boolean; log?: (line: string) => void },
): Promise<RunningDatabase> {
  if (target.databaseUrl) {
    return { url: target.databaseUrl, stop: () => Promise.resolve() };
  }
  return startEmbeddedPostgres({ dataDir: target.dataDir, adopt: options.adopt, log: options.log });
}

/**
 * embedded-postgres installs its own SIGINT/SIGTERM handlers that stop the database and exit at
 * once; servers shut down in order (HTTP, then connections, then the database) instead.
 */
export function takeOverShutdownSignals(onSignal: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => onSignal(signal));
  }
}
