import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Clock, Roles, validationFailed } from '@vafa/platform';
import {
  FitModelDto,
  inclusiveEndOf,
  InsightModelDto,
  InsightModelListQuery,
  InsightModelPageDto,
  MemberInsightsDto,
  RefreshResultDto,
  startOf,
} from './insights.dto';
import { refreshRunning } from './insights.errors';
import { InsightModelsService, toInsightModelDto } from './insight-models.service';
import { InsightsRefreshJob } from './insights-refresh.job';
import { MemberInsightsService } from './member-insights.service';

const UNFIT = {
  description:
    'NOT_ENOUGH_PURCHASE_HISTORY (too few customers or repeat buyers), INSIGHT_MODEL_FIT_FAILED',
};

@ApiTags('Insights and reports')
@Controller('v1')
export class InsightsController {
  constructor(
    private readonly refresh: InsightsRefreshJob,
    private readonly models: InsightModelsService,
    private readonly members: MemberInsightsService,
    private readonly clock: Clock,
  ) {}

  @Post('insights/models/fit')
  @Roles('marketer')
  @ApiCreatedResponse({
    type: InsightModelDto,
    description: 'Fits BG/NBD and Gamma-Gamma on purchases up to asOf and rescores every member',
  })
  @ApiUnprocessableEntityResponse(UNFIT)
  @ApiConflictResponse({ description: 'INSIGHTS_REFRESH_RUNNING' })
  async fit(@Body() body: FitModelDto): Promise<InsightModelDto> {
    const now = this.clock.now();
    let asOf = now;
    if (body.asOf !== undefined) {
      if (startOf(body.asOf) > now) throw validationFailed('asOf is in the future.');
      // A date means its whole day, of which only the part up to now has happened.
      asOf = new Date(Math.min(inclusiveEndOf(body.asOf).getTime(), now.getTime()));
    }
    const model = await this.refresh.run(asOf);
    if (!model) throw refreshRunning();
    return toInsightModelDto(model);
  }

  @Get('insights/models')
  @Roles('marketer')
  @ApiOkResponse({ type: InsightModelPageDto, description: 'Newest first' })
  listModels(@Query() query: InsightModelListQuery): Promise<InsightModelPageDto> {
    return this.models.list(query);
  }

  @Post('insights/jobs/refresh')
  @Roles()
  @HttpCode(200)
  @ApiOkResponse({ type: RefreshResultDto, description: 'Refits as of now, like the nightly job' })
  @ApiUnprocessableEntityResponse(UNFIT)
  async refreshNow(): Promise<RefreshResultDto> {
    const model = await this.refresh.run();
    return model ? { ran: true, model: toInsightModelDto(model) } : { ran: false };
  }

  @Get('members/:id/insights')
  @Roles('marketer')
  @ApiOkResponse({ type: MemberInsightsDto })
  @ApiNotFoundResponse({
    description: 'MEMBER_NOT_FOUND, MEMBER_INSIGHTS_NOT_FOUND (no purchases)',
  })
  @ApiConflictResponse({ description: 'INSIGHT_MODEL_NOT_FITTED' })
  memberInsights(@Param('id', new ParseUUIDPipe()) id: string): Promise<MemberInsightsDto> {
    return this.members.get(id);
  }
}
