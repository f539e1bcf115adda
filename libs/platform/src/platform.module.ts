import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { Clock, SystemClock } from './clock/clock';
import { ConfigModule } from './config/config.module';
import { VafaConfig } from './config/vafa-config';
import { DatabaseSchema, typeOrmOptions } from './database/typeorm-options';
import { HttpExceptionFilter } from './errors/http-exception.filter';
import { createValidationPipe } from './errors/validation.pipe';
import { EventOutbox } from './events/event-outbox.repository';
import { HealthController } from './health/health.controller';
import { MetricsController } from './http/metrics.controller';
import { MetricsRegistry } from './http/metrics-registry.provider';
import { NestPinoLogger } from './logging/nest-pino.logger';
import { createRootLogger, ROOT_LOGGER } from './logging/root-logger';

export interface PlatformOptions {
  config: VafaConfig;
  databaseUrl: string;
  schema: DatabaseSchema;
  /** Tests pass a ManualClock to move time. */
  clock?: Clock;
  poolSize?: number;
}

/** Config, database, auth, errors, validation, logging, health and metrics for every app. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(options.config),
        TypeOrmModule.forRoot(
          typeOrmOptions(options.databaseUrl, options.schema, options.poolSize),
        ),
        TerminusModule,
        AuthModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        MetricsRegistry,
        { provide: ROOT_LOGGER, useFactory: () => createRootLogger(options.config.logLevel) },
        NestPinoLogger,
        EventOutbox,
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [Clock, EventOutbox, MetricsRegistry, NestPinoLogger, AuthModule],
    };
  }
}
