import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@vafa/platform';
import { LedgerSql } from './ledger-sql';

/**
 * Runs a ledger operation inside the caller's transaction (e.g. a checkout's), or in one of its
 * own that is retried on deadlocks and serialization failures.
 */
@Injectable()
export class LedgerRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(manager: EntityManager | undefined, work: (sql: LedgerSql) => Promise<T>): Promise<T> {
    return manager
      ? work(new LedgerSql(manager))
      : inTransaction(this.dataSource, (m) => work(new LedgerSql(m)));
  }
}
