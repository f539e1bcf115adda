import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ReportCalendarQuery, Roles } from '@vafa/platform';
import { AuditReportDto } from './audit/audit-report.dto';
import { LedgerAuditQuery } from './audit/ledger-audit.query';
import { LedgerJobRunDto } from './jobs/job-run.dto';
import { LedgerScheduleJob } from './jobs/ledger-schedule.job';
import {
  NotificationJobRunDto,
  notificationJobRun,
} from './notifications/notification-job-run.dto';
import { LiabilityReportDto } from './reports/liability-report.dto';
import { LiabilityReportQuery } from './reports/liability-report.query';

const jobRun = (result: { members: number; points: number } | null): LedgerJobRunDto =>
  result ? { ran: true, ...result } : { ran: false };

@ApiTags('Ledger and reports')
@Controller('v1')
export class LedgerController {
  constructor(
    private readonly auditor: LedgerAuditQuery,
    private readonly liability: LiabilityReportQuery,
    private readonly scheduler: LedgerScheduleJob,
  ) {}

  @Get('ledger/audit')
  @AdminOnly()
  @ApiOperation({
    summary: 'Check the ledger against its history',
    description:
      'Recomputes every account balance and lot from the append-only postings and consumptions and lists each difference (up to 200 of each kind); `balanced: true` means none. Read-only; for operators after an incident or a migration.',
  })
  @ApiOkResponse({ type: AuditReportDto })
  audit(): Promise<AuditReportDto> {
    return this.auditor.audit();
  }

  @Get('reports/liability')
  @Roles('marketer')
  @ApiOperation({
    summary: 'Outstanding points, their money value, and breakage',
    description:
      "Points members hold (available, pending; owed after returns of spent points), by expiry month (months of the `calendar` asked for, in the program's time zone, each with the instant it starts; points that never expire last, with month null), and where issued points went. `value`: the outstanding points in minor units of the program currency at its redemption value (`redemptionPoints` points pay `redemptionValue` minor units), each figure rounded to the nearest minor unit. `breakageRate`: expired ÷ (redeemed + expired), the share of points no longer outstanding that expired unspent, to 4 places; null until a point has been redeemed or has expired.",
  })
  @ApiOkResponse({ type: LiabilityReportDto })
  report(@Query() query: ReportCalendarQuery): Promise<LiabilityReportDto> {
    return this.liability.report(query.calendar);
  }

  @Post('ledger/jobs/release-pending')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Release pending points now',
    description:
      'Runs the job the worker runs every 10 minutes: points whose return window has ended become available, paying any points a member owes first. One transaction per batch of members; `ran: false` when another instance is running it.',
  })
  @ApiOkResponse({ type: LedgerJobRunDto })
  async releasePending(): Promise<LedgerJobRunDto> {
    return jobRun(await this.scheduler.releasePending());
  }

  @Post('ledger/jobs/expire')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Expire points now',
    description:
      'Runs the hourly job: first releases pending points that are due, then expires available points past their expiry date, oldest lots first. One transaction per batch of members; `ran: false` when another instance is running it.',
  })
  @ApiOkResponse({ type: LedgerJobRunDto })
  async expire(): Promise<LedgerJobRunDto> {
    return jobRun(await this.scheduler.expireLots());
  }

  @Post('ledger/jobs/remind-expiring')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Remind members of expiring points now',
    description:
      "Runs the hourly job: for each of the program's `expiryReminderDays`, members with available points expiring within that many days get a `points.expiring_soon` event, one per member, expiry day (program time zone) and threshold, ever: a second run, another instance or a restart sends nothing again. A day is announced at the tightest threshold it falls within. `ran: false` when another instance is running it.",
  })
  @ApiOkResponse({
    type: NotificationJobRunDto,
    example: { ran: true, members: 120, sent: 134 },
  })
  async remindExpiring(): Promise<NotificationJobRunDto> {
    return notificationJobRun(await this.scheduler.remindExpiring());
  }
}
