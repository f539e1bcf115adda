import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vafa/platform';
import { GoodwillReportDto, GoodwillReportParamsDto } from './goodwill-report.dto';
import { GoodwillReportQuery } from './goodwill-report.query';

@ApiTags('Insights and reports')
@Controller('v1/reports/goodwill')
export class GoodwillReportController {
  constructor(private readonly reports: GoodwillReportQuery) {}

  @Get()
  @Roles('marketer')
  @ApiOperation({
    summary: 'Goodwill granted, and what followed',
    description:
      'Goodwill adjustments in [from, to) (dates or date-times; a date `to` counts in full; ' +
      'default: the year up to now; `from` not before `to` is 400 VALIDATION_FAILED) by month and ' +
      'by support ticket, and a first look at their effect: orders and spend of the members in ' +
      'the `windowDays` before and after their first grant, for members whose after-window has ' +
      "passed. Months are months of the `calendar` asked for in the program's time zone, each " +
      'with the instant it starts; a member is counted once a month. Read-only; for marketers.',
  })
  @ApiOkResponse({ type: GoodwillReportDto })
  report(@Query() query: GoodwillReportParamsDto): Promise<GoodwillReportDto> {
    return this.reports.report(query);
  }
}
