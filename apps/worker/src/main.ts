import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  ConfigError,
  connectDatabase,
  loadConfig,
  NestPinoLogger,
  takeOverShutdownSignals,
  tuneHeapForServing,
} from '@vafa/platform';
import { AppModule, migrateDatabase } from '@vafa/app';

/** The same modules as the API with the scheduler on and no HTTP, for scaling jobs out. */
async function main(): Promise<void> {
  tuneHeapForServing();
  const config = loadConfig();
  const database = await connectDatabase(config, { adopt: true });
  await migrateDatabase(database.url);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, databaseUrl: database.url, scheduler: true }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(NestPinoLogger));
  await app.init();
  takeOverShutdownSignals(() => {
    void app
      .close()
      .then(() => database.stop())
      .finally(() => process.exit(0));
  });
  console.error('Vafa worker running scheduled jobs');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
