export * from './audit/ledger-audit.query';
export * from './balance';
export * from './events/points-events.dto';
export * from './events/reversal-event';
export * from './jobs/expire-lots.job';
export * from './jobs/ledger-schedule.job';
export * from './jobs/release-pending.job';
export * from './jobs/remind-expiring.job';
export * from './ledger.errors';
export * from './ledger.module';
export * from './notifications/member-notifications.repository';
export * from './notifications/notification-job-run.dto';
export * from './notifications/points-expiring-soon-event.dto';
export * from './operations/bulk-credit.usecase';
export * from './operations/credit-points.usecase';
export * from './operations/debit-points.usecase';
export * from './operations/ledger-entry';
export * from './operations/record-activity.usecase';
export * from './operations/reverse-points.usecase';
export * from './program/program-settings.repository';
export * from './reports/goodwill-grants.query';
export * from './reports/ledger.query';
export * from './reports/liability-report.query';

import { LedgerAccountEntity } from './entities/ledger-account.entity';
import { LedgerLotEntity } from './entities/ledger-lot.entity';
import { LedgerLotConsumptionEntity } from './entities/ledger-lot-consumption.entity';
import { LedgerPostingEntity } from './entities/ledger-posting.entity';
import { LedgerTransactionEntity } from './entities/ledger-transaction.entity';
import { MemberNotificationEntity } from './notifications/member-notification.entity';
import { ProgramSettingsEntity } from './program/program-settings.entity';

export const LEDGER_ENTITIES = [
  LedgerAccountEntity,
  LedgerTransactionEntity,
  LedgerPostingEntity,
  LedgerLotEntity,
  LedgerLotConsumptionEntity,
  ProgramSettingsEntity,
  MemberNotificationEntity,
];

import type { EntityManager } from 'typeorm';
import type { Balance } from './balance';
import { LedgerSql } from './operations/ledger-sql';

/**
 * Locks the member's account row (creating it if needed) so that a multi-step operation on that
 * member (e.g. a checkout reading per-day rule usage) runs alone; the ledger's own operations
 * take the same lock, in the same order.
 */
export function lockMemberAccount(manager: EntityManager, memberId: string): Promise<Balance> {
  return new LedgerSql(manager).lockAccount(memberId);
}
export {
  creditLockedAccounts,
  type LockedCredit,
  type LockedCreditResult,
  lockMemberAccounts,
} from './operations/locked-credits';
