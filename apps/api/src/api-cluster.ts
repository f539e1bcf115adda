import cluster, { type Worker } from 'node:cluster';
import { takeOverShutdownSignals, type VafaConfig } from '@vafa/platform';
import { createApiApp } from '@vafa/app';
import { listenEverywhere } from './http-port';

/** How the primary tells a worker which database to use (it owns the embedded one). */
const DATABASE_URL_VARIABLE = 'VAFA_CLUSTER_DATABASE_URL';
/** A worker that dies unexpectedly is replaced after this pause (no tight crash loop). */
const RESTART_DELAY_MS = 1000;

type Log = (line: string) => void;

/**
 * Runs `config.apiProcesses` API servers sharing one port (Node's cluster module): one event
 * loop per process, so the API can use more than one core. The first process starts alone (it
 * migrates the database and registers the admin key), then the others; only the first runs the
 * scheduler. A process that dies is replaced; SIGTERM/SIGINT stop them all, then `stopDatabase`.
 */
export async function runApiCluster(options: {
  config: VafaConfig;
  databaseUrl: string;
  stopDatabase: () => Promise<void>;
  log: Log;
}): Promise<void> {
  const { config, log } = options;
  let stopping = false;
  const workers = new Set<Worker>();

  const start = (runsScheduler: boolean): Promise<Worker> => {
    const worker = cluster.fork({
      [DATABASE_URL_VARIABLE]: options.databaseUrl,
      VAFA_SCHEDULER: runsScheduler ? config.scheduler : 'off',
    });
    workers.add(worker);
    worker.once('exit', (code, signal) => {
      workers.delete(worker);
      if (stopping) {
        return;
      }
      log(`Vafa: API process ${worker.process.pid} ended (${signal ?? code}); starting another`);
      setTimeout(() => void start(runsScheduler).catch(() => undefined), RESTART_DELAY_MS);
    });
    return new Promise((resolve, reject) => {
      worker.once('listening', () => resolve(worker));
      worker.once('exit', (code) => reject(new Error(`API process exited with ${code} on start`)));
    });
  };

  takeOverShutdownSignals((signal) => {
    stopping = true;
    log(`Vafa: ${signal} received, stopping ${workers.size} API processes`);
    const exits = [...workers].map(
      (w) =>
        new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))),
    );
    for (const w of workers) {
      w.process.kill('SIGTERM');
    }
    void Promise.all(exits)
      .then(() => options.stopDatabase())
      .finally(() => process.exit(0));
  });

  await start(true);
  for (let i = 1; i < config.apiProcesses; i++) {
    await start(false);
  }
}

/** The body of one API process of the cluster. */
export async function runApiWorker(config: VafaConfig): Promise<void> {
  const databaseUrl = process.env[DATABASE_URL_VARIABLE];
  if (!databaseUrl) {
    throw new Error(`${DATABASE_URL_VARIABLE} is not set in an API process`);
  }
  const app = await createApiApp({ config, databaseUrl });
  takeOverShutdownSignals(() => {
    void app.close().finally(() => process.exit(0));
  });
  await listenEverywhere(app, config.port);
}
