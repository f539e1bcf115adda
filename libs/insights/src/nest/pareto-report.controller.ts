import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, reportPeriod, ReportPeriodQuery, Roles } from '@vafa/platform';
import { ParetoReportDto } from './insights.dto';
import { ParetoReportQuery } from './pareto-report.query';

@ApiTags('Insights and reports')
@Controller('v1/reports')
export class ParetoReportController {
  constructor(
    private readonly pareto: ParetoReportQuery,
    private readonly clock: Clock,
  ) {}

  @Get('pareto')
  @Roles('marketer')
  @ApiOperation({
    summary: 'How concentrated revenue is',
    description:
      'The share of revenue (net of returns) from the top 1, 5, 10, 20 and 50 % of the members ' +
      'who bought between `from` and `to` (default: the year up to now), and the concentration ' +
      'curve (`curve`: the revenue share of the top 0, 1, 2, 5 %, then every 5 % of them, for a ' +
      'Lorenz-style chart). Each cut is the top ceil(members × share). Malformed dates or ' +
      '`from` not before `to` are 400 VALIDATION_FAILED.',
  })
  @ApiOkResponse({ type: ParetoReportDto })
  report(@Query() query: ReportPeriodQuery): Promise<ParetoReportDto> {
    const { from, to } = reportPeriod(query, this.clock.now());
    return this.pareto.report(from, to);
  }
}
