import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, reportPeriod, ReportPeriodQuery, Roles } from '@vafa/platform';
import { OverviewReportDto } from './overview-report.dto';
import { OverviewReportQuery } from './overview-report.query';

@ApiTags('Insights and reports')
@Controller('v1/reports')
export class OverviewReportController {
  constructor(
    private readonly overview: OverviewReportQuery,
    private readonly clock: Clock,
  ) {}

  @Get('overview')
  @Roles('marketer')
  @ApiOperation({
    summary: 'The headline numbers of a period',
    description:
      'For the dashboard, between `from` and `to` (default: the year up to now): members ' +
      '(`total` enrolled before `to`; `new`, enrolled in the period; `active`, with a purchase ' +
      'not returned in full in the 90 days up to `to` or now, whichever is earlier), points ' +
      'issued, redeemed, expired and adjusted by the transactions in the period (signed as in ' +
      '/v1/reports/liability: each a positive flow, net of reversals), and the points members ' +
      "hold now with their money value in minor units of the program's currency. Malformed " +
      'dates or `from` not before `to` are 400 VALIDATION_FAILED.',
  })
  @ApiOkResponse({ type: OverviewReportDto })
  report(@Query() query: ReportPeriodQuery): Promise<OverviewReportDto> {
    const now = this.clock.now();
    const { from, to } = reportPeriod(query, now);
    return this.overview.report(from, to, now);
  }
}
