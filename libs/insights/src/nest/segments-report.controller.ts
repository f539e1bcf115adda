import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, reportPeriod, ReportPeriodQuery, Roles } from '@vafa/platform';
import { SegmentsReportDto } from './segments-report.dto';
import { SegmentsReportQuery } from './segments-report.query';

@ApiTags('Insights and reports')
@Controller('v1/reports')
export class SegmentsReportController {
  constructor(
    private readonly segments: SegmentsReportQuery,
    private readonly clock: Clock,
  ) {}

  @Get('segments')
  @Roles('marketer')
  @ApiOperation({
    summary: 'Members and revenue by RFM segment',
    description:
      "Every RFM segment with the members in it by each member's latest scores (from the " +
      'latest fit; all zeros before the first), and their revenue between `from` and `to` ' +
      '(default: the year up to now), net of returns as in the Pareto report. ' +
      '`GET /v1/members?segment=` lists the members of a segment. Malformed dates or `from` ' +
      'not before `to` are 400 VALIDATION_FAILED.',
  })
  @ApiOkResponse({ type: SegmentsReportDto })
  report(@Query() query: ReportPeriodQuery): Promise<SegmentsReportDto> {
    const { from, to } = reportPeriod(query, this.clock.now());
    return this.segments.report(from, to);
  }
}
