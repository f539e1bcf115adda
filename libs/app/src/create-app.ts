import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  answerClientErrorsInErrorFormat,
  ApiKeysRepository,
  hardenHttp,
  NestPinoLogger,
  Clock,
  openDataSource,
  runMigrations,
  setupOpenApi,
  VafaConfig,
} from '@vafa/platform';
import { AppModule } from './app.module';
import { DATABASE_SCHEMA } from './database-schema';
import { serveConsole } from './serve-console';

export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const dataSource = await openDataSource(databaseUrl, DATABASE_SCHEMA, 2);
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Builds the HTTP application on a migrated database; used by `main.ts` and by the tests. */
export async function createApiApp(options: {
  config: VafaConfig;
  databaseUrl: string;
  clock?: Clock;
  print?: (line: string) => void;
}): Promise<INestApplication> {
  await migrateDatabase(options.databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      config: options.config,
      databaseUrl: options.databaseUrl,
      clock: options.clock,
      scheduler: options.config.scheduler === 'on',
    }),
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(NestPinoLogger));
  app.set('x-powered-by', false);
  // Client addresses (sign-in rate limits) and https (Secure cookies) as the proxies report them.
  app.set('trust proxy', options.config.trustProxy);
  hardenHttp(app, options.config.requestTimeoutSeconds);
  answerClientErrorsInErrorFormat(app);
  serveConsole(app);
  setupOpenApi(app);
  await app.init();
  await app
    .get(ApiKeysRepository)
    .ensureBootstrapAdmin(options.config.adminKey, options.print ?? console.log);
  return app;
}
