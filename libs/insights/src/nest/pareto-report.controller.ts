import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, Roles, validationFailed } from '@vafa/platform';
import { exclusiveEndOf, ParetoQuery, ParetoReportDto, startOf } from './insights.dto';
import { ParetoReportService } from './pareto-report.service';

const YEAR_MS = 365 * 86_400_000;

@ApiTags('Insights and reports')
@Controller('v1/reports')
export class ParetoReportController {
  constructor(
    private readonly pareto: ParetoReportService,
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
  report(@Query() query: ParetoQuery): Promise<ParetoReportDto> {
    const to = query.to !== undefined ? exclusiveEndOf(query.to) : this.clock.now();
    const from = query.from !== undefined ? startOf(query.from) : new Date(to.getTime() - YEAR_MS);
    if (from >= to) throw validationFailed('from must be before to.');
    return this.pareto.report(from, to);
  }
}
