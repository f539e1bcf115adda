import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vafa/platform';
import { AuditReport, LedgerAuditService } from './audit/ledger-audit.service';
import { LedgerScheduler } from './jobs/ledger-scheduler';
import { LiabilityReport, LiabilityReportService } from './reports/liability-report.service';

@ApiTags('Ledger and reports')
@Controller('v1')
export class LedgerController {
  constructor(
    private readonly auditor: LedgerAuditService,
    private readonly liability: LiabilityReportService,
    private readonly scheduler: LedgerScheduler,
  ) {}

  @Get('ledger/audit')
  @Roles()
  @ApiOkResponse({
    schema: {
      example: {
        balanced: true,
        checkedAccounts: 1250,
        checkedLots: 5120,
        checkedTransactions: 9000,
        discrepancies: [],
      },
    },
  })
  audit(): Promise<AuditReport> {
    return this.auditor.audit();
  }

  @Get('reports/liability')
  @Roles('marketer')
  @ApiOkResponse({
    schema: {
      example: {
        available: 120000,
        pending: 8000,
        owed: 0,
        byExpiryMonth: [
          { month: '2027-01', points: 40000 },
          { month: null, points: 1000 },
        ],
        issued: 200000,
        redeemed: 60000,
        expired: 12000,
        adjusted: 0,
      },
    },
  })
  report(): Promise<LiabilityReport> {
    return this.liability.report();
  }

  @Post('ledger/jobs/release-pending')
  @Roles()
  @HttpCode(200)
  @ApiOkResponse({ schema: { example: { ran: true, members: 12, points: 3400 } } })
  async releasePending(): Promise<Record<string, unknown>> {
    const result = await this.scheduler.releasePending();
    return result ? { ran: true, ...result } : { ran: false };
  }

  @Post('ledger/jobs/expire')
  @Roles()
  @HttpCode(200)
  @ApiOkResponse({ schema: { example: { ran: true, members: 3, points: 500 } } })
  async expire(): Promise<Record<string, unknown>> {
    const result = await this.scheduler.expireLots();
    return result ? { ran: true, ...result } : { ran: false };
  }
}
