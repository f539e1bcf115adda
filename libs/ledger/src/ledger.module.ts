import { Module } from '@nestjs/common';
import { LedgerAuditQuery } from './audit/ledger-audit.query';
import { ExpireLotsJob } from './jobs/expire-lots.job';
import { LedgerScheduleJob } from './jobs/ledger-schedule.job';
import { ReleasePendingJob } from './jobs/release-pending.job';
import { RemindExpiringJob } from './jobs/remind-expiring.job';
import { LedgerController } from './ledger.controller';
import { MemberNotifications } from './notifications/member-notifications.repository';
import { BulkCreditUseCase } from './operations/bulk-credit.usecase';
import { CreditPointsUseCase } from './operations/credit-points.usecase';
import { DebitPointsUseCase } from './operations/debit-points.usecase';
import { LedgerRunner } from './operations/ledger-runner.provider';
import { RecordActivityUseCase } from './operations/record-activity.usecase';
import { ReversePointsUseCase } from './operations/reverse-points.usecase';
import { ProgramController } from './program/program.controller';
import { ProgramSettingsRepository } from './program/program-settings.repository';
import { TillProgramController } from './program/till-program.controller';
import { LedgerQuery } from './reports/ledger.query';
import { LiabilityReportQuery } from './reports/liability-report.query';

const EXPORTED = [
  CreditPointsUseCase,
  DebitPointsUseCase,
  ReversePointsUseCase,
  RecordActivityUseCase,
  BulkCreditUseCase,
  ReleasePendingJob,
  ExpireLotsJob,
  RemindExpiringJob,
  MemberNotifications,
  LedgerScheduleJob,
  LedgerAuditQuery,
  LedgerQuery,
  ProgramSettingsRepository,
  LiabilityReportQuery,
];

@Module({
  controllers: [LedgerController, ProgramController, TillProgramController],
  providers: [...EXPORTED, LedgerRunner],
  exports: EXPORTED,
})
export class LedgerModule {}
