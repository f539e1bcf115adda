import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuditLog, Clock, EventOutbox, SystemClock } from '@vafa/platform';
import { LedgerModule } from '@vafa/ledger';

/**
 * The CLI's DataSource, a system clock, the audit log and the event outbox, for the ledger's
 * services to inject.
 */
@Module({})
class CliInfrastructureModule {
  static forDataSource(dataSource: DataSource): DynamicModule {
    return {
      module: CliInfrastructureModule,
      global: true,
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: Clock, useValue: new SystemClock() },
        AuditLog,
        EventOutbox,
      ],
      exports: [DataSource, Clock, AuditLog, EventOutbox],
    };
  }
}

@Module({})
class CliLedgerModule {}

/**
 * The ledger's use cases (the only code that writes balances) wired to the CLI's connection, so
 * commands move points exactly as the servers do. No HTTP, no scheduler.
 */
export function openLedgerContext(dataSource: DataSource): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    {
      module: CliLedgerModule,
      imports: [CliInfrastructureModule.forDataSource(dataSource), LedgerModule],
    },
    { logger: false, abortOnError: false },
  );
}
