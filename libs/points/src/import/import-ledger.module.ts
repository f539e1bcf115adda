import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuditLog, Clock, EventOutbox, SystemClock } from '@vafa/platform';
import { LedgerModule } from '@vafa/ledger';

/**
 * The import's DataSource, a system clock, the audit log and the event outbox, for the ledger's
 * services to inject.
 */
@Module({})
class ImportInfrastructureModule {
  static forDataSource(dataSource: DataSource): DynamicModule {
    return {
      module: ImportInfrastructureModule,
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
class ImportLedgerModule {}

/**
 * The ledger's use cases (the only code that writes balances) wired to a connection outside the
 * servers (the import command's), so an import moves points exactly as the servers do. No HTTP,
 * no scheduler.
 */
export function openImportLedgerContext(dataSource: DataSource): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    {
      module: ImportLedgerModule,
      imports: [ImportInfrastructureModule.forDataSource(dataSource), LedgerModule],
    },
    { logger: false, abortOnError: false },
  );
}
