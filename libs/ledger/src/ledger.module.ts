import { Module } from '@nestjs/common';
import { LedgerAuditService } from './audit/ledger-audit.service';
import { ExpireLotsJob } from './jobs/expire-lots.job';
import { LedgerScheduler } from './jobs/ledger-scheduler';
import { ReleasePendingJob } from './jobs/release-pending.job';
import { RemindExpiringJob } from './jobs/remind-expiring.job';
import { LedgerController } from './ledger.controller';
import { MemberNotifications } from './notifications/member-notifications';
import { BulkCreditUseCase } from './operations/bulk-credit.usecase';
import { CreditPointsUseCase } from './operations/credit-points.usecase';
import { DebitPointsUseCase } from './operations/debit-points.usecase';
import { LedgerRunner } from './operations/ledger-runner';
import { RecordActivityUseCase } from './operations/record-activity.usecase';
import { ReversePointsUseCase } from './operations/reverse-points.usecase';
import { ProgramController } from './program/program.controller';
import { ProgramSettingsService } from './program/program-settings.service';
import { TillProgramController } from './program/till-program.controller';
import { LedgerQueries } from './reports/ledger-queries';
import { LiabilityReportService } from './reports/liability-report.service';

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
  LedgerScheduler,
  LedgerAuditService,
  LedgerQueries,
  ProgramSettingsService,
  LiabilityReportService,
];

@Module({
  controllers: [LedgerController, ProgramController, TillProgramController],
  providers: [...EXPORTED, LedgerRunner],
  exports: EXPORTED,
})
export class LedgerModule {}
