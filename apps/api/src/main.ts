import 'reflect-metadata';
import cluster from 'node:cluster';
import { ConfigError, connectDatabase, loadConfig, takeOverShutdownSignals } from '@vafa/platform';
import { runApiCluster, runApiWorker } from './api-cluster';
import { createApiApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  if (cluster.isWorker) return runApiWorker(config);
  const database = await connectDatabase(config, {
    adopt: true,
    log: (line) => process.env.VAFA_DEBUG_DB && console.error(line),
  });
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
  await app.listen(config.port);
  console.error(`Vafa API listening on http://localhost:${config.port} (docs at /docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
