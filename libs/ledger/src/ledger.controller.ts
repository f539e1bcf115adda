import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vafa/platform';
import { AuditReport, LedgerAuditService } from './audit/ledger-audit.service';
import { LedgerScheduler } from './jobs/ledger-scheduler';
import { LiabilityReportDto } from './reports/liability-report.dto';
import { LiabilityReportService } from './reports/liability-report.service';

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
  @ApiOperation({
    summary: 'Outstanding points, their money value, and breakage',
    description:
      'Points members hold (available, pending; owed after returns of spent points), by expiry month, and where issued points went. `value`: the outstanding points in minor units of the program currency at its redemption value (`redemptionPoints` points pay `redemptionValue` minor units), each figure rounded to the nearest minor unit. `breakageRate`: expired ÷ (redeemed + expired), the share of points no longer outstanding that expired unspent, to 4 places; null until a point has been redeemed or has expired.',
  })
  @ApiOkResponse({ type: LiabilityReportDto })
  report(): Promise<LiabilityReportDto> {
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
