import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  answerClientError,
  answerHealthBeforeFramework,
  answerRouterError,
  ApiKeysRepository,
  hardenHttp,
  logRequests,
  measureRequests,
  MetricsRegistry,
  NestPinoLogger,
  requestIdOf,
  ROOT_LOGGER,
  Clock,
  openDataSource,
  runMigrations,
  setupOpenApi,
  VafaConfig,
} from '@vafa/platform';
import { AppModule } from './app.module';
import { DATABASE_SCHEMA } from './database-schema';
import { BODY_LIMIT_BYTES, parseJsonLikeExpress } from './json-body';
import { serveConsole } from './serve-console';

export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const dataSource = await openDataSource(databaseUrl, DATABASE_SCHEMA, 2);
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

const MAX_PARAM_LENGTH = 16 * 1024;

/** Like Express's numeric `trust proxy`: the nearest `hops` addresses are proxies. */
const trustedHops = (hops: number) =>
  hops > 0 ? (_address: string, hop: number) => hop < hops : false;

/** Builds the HTTP application on a migrated database; used by `main.ts` and by the tests. */
export async function createApiApp(options: {
  config: VafaConfig;
  databaseUrl: string;
  clock?: Clock;
  print?: (line: string) => void;
}): Promise<INestApplication> {
  await migrateDatabase(options.databaseUrl);
  const adapter = new FastifyAdapter({
    // Client addresses (sign-in rate limits) and https (Secure cookies) as the proxies report them.
    trustProxy: trustedHops(options.config.trustProxy),
    bodyLimit: BODY_LIMIT_BYTES,
    // Express matched /path/ as /path and put no limit on a parameter's length (the URL's is 16 KB).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    genReqId: requestIdOf,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerRouterError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config: options.config,
      databaseUrl: options.databaseUrl,
      clock: options.clock,
      scheduler: options.config.scheduler === 'on',
    }),
    adapter,
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(NestPinoLogger));
  const fastify = app.getHttpAdapter().getInstance();
  logRequests(fastify, app.get(ROOT_LOGGER));
  measureRequests(fastify, app.get(MetricsRegistry));
  hardenHttp(app, options.config.requestTimeoutSeconds);
  parseJsonLikeExpress(app);
  serveConsole(app);
  setupOpenApi(app);
  await app.init();
  await fastify.ready();
  answerHealthBeforeFramework(app.getHttpServer(), app.get(DataSource), app.get(MetricsRegistry));
  await app
    .get(ApiKeysRepository)
    .ensureBootstrapAdmin(options.config.adminKey, options.print ?? console.log);
  return app;
}
