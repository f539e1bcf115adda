import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vafa/platform';
import { ClvReportDto } from './clv-report.dto';
import { ClvReportQuery } from './clv-report.query';

@ApiTags('Insights and reports')
@Controller('v1/reports')
export class ClvReportController {
  constructor(private readonly clv: ClvReportQuery) {}

  @Get('clv')
  @Roles('marketer')
  @ApiOperation({
    summary: 'The CLV model and the distribution of its predictions',
    description:
      "The latest model (fitted when, on how many customers, its parameters) and the members' " +
      'predicted CLV over `horizonDays` as a histogram: equal-width buckets from 0 up to the ' +
      '99th percentile of the predictions, the width the smallest round number (1, 2, 2.5 or 5 ' +
      'times a power of ten minor units) that reaches it in at most 10 buckets, then an ' +
      'open-ended bucket (`to: null`) for the top. Without a model, `status` says why ' +
      '(`insufficient_history` below the least a fit needs: 20 customers, 10 with a repeat ' +
      'purchase; `not_fitted` otherwise) and `need` says what is needed in a sentence. No ' +
      'period: the model scores members as of its `asOf`.',
  })
  @ApiOkResponse({ type: ClvReportDto })
  report(): Promise<ClvReportDto> {
    return this.clv.report();
  }
}
