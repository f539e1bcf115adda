import 'reflect-metadata';
import cluster from 'node:cluster';
import {
  ConfigError,
  connectDatabase,
  loadConfig,
  takeOverShutdownSignals,
  tuneHeapForServing,
  type RunningDatabase,
  type VafaConfig,
} from '@vafa/platform';
import { runApiCluster, runApiWorker } from './api-cluster';
import { createApiApp } from '@vafa/app';
import { ensurePortFree, listenEverywhere, portProblem } from './http-port';

async function main(): Promise<void> {
  tuneHeapForServing();
  const config = loadConfig();
  if (cluster.isWorker) {
    return runApiWorker(config);
  }
  await ensurePortFree(config.port);
  const database = await connectDatabase(config, {
    adopt: true,
    log: (line) => console.error(`Vafa database: ${line}`),
  });
  // A signal while starting (migrations can take a while) still stops the database.
  takeOverShutdownSignals(() => void database.stop().finally(() => process.exit(0)));
  try {
    await serve(config, database);
  } catch (error) {
    await database.stop();
    throw portProblem(error, config.port) ?? error;
  }
}

async function serve(config: VafaConfig, database: RunningDatabase): Promise<void> {
  if (config.apiProcesses > 1) {
    await runApiCluster({
      config,
      databaseUrl: database.url,
      stopDatabase: () => database.stop(),
      log: (line) => console.error(line),
    });
    console.error(
      `Vafa API listening on http://localhost:${config.port} in ${config.apiProcesses} processes (docs at /docs)`,
    );
    return;
  }
  const app = await createApiApp({ config, databaseUrl: database.url });
  takeOverShutdownSignals((signal) => {
    console.error(`Vafa: ${signal} received, shutting down`);
    void app
      .close()
      .then(() => database.stop())
      .finally(() => process.exit(0));
  });
  await listenEverywhere(app, config.port);
  console.error(`Vafa API listening on http://localhost:${config.port} (docs at /docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
