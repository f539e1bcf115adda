import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AdminOnly,
  ApiErrors,
  Clock,
  inclusiveEndOf,
  Roles,
  startOf,
  validationFailed,
} from '@vafa/platform';
import {
  FitModelDto,
  InsightModelDto,
  InsightModelListQuery,
  InsightModelPageDto,
  MemberInsightsDto,
  RefreshResultDto,
} from './insights.dto';
import { refreshRunning } from './insights.errors';
import { InsightModelsQuery, toInsightModelDto } from './insight-models.query';
import { InsightsRefreshJob } from './insights-refresh.job';
import { MemberInsightsQuery } from './member-insights.query';

const UNFIT = {
  description:
    'Codes: `NOT_ENOUGH_PURCHASE_HISTORY` (fewer than 20 customers or 10 repeat buyers), ' +
    '`INSIGHT_MODEL_DEGENERATE` (a parameter at its bound, not finite, or not determined by the ' +
    'history; details name it), `INSIGHT_MODEL_FIT_FAILED` (the optimiser did not converge). ' +
    'Nothing is stored; details give customers, repeatCustomers, historyWeeks and what is needed.',
  schema: {
    example: {
      error: {
        code: 'INSIGHT_MODEL_DEGENERATE',
        message:
          'The BG/NBD fit is degenerate: a = 1.70e-13 ran off to its bound (shape parameters must ' +
          'lie within 1e-4 to 1e4), so this history cannot tell how customers drop out; nothing ' +
          'was stored. A reliable fit typically needs at least 200 repeat buyers over at least 26 ' +
          'weeks of history; there are 27 over 52 weeks. Until a model is fitted, ' +
          'top_clv_percent audiences of campaigns rank members by their spend.',
        details: {
          model: 'bgnbd',
          parameter: 'a',
          value: 1.7e-13,
          reason: 'at_bound',
          customers: 30,
          repeatCustomers: 27,
          historyWeeks: 52,
          minCustomers: 20,
          minRepeatCustomers: 10,
          recommendedRepeatCustomers: 200,
          recommendedHistoryWeeks: 26,
        },
      },
    },
  },
};

const FIT_RULES =
  'A fit is stored only when it is usable: every shape parameter (r, a, b, p, q) strictly ' +
  'between 1e-4 and 1e4, every parameter and the log-likelihood finite, and the Hessian of the ' +
  'negative log-likelihood (central differences in log-parameters) positive definite with every ' +
  'eigenvalue above 1e-4. Otherwise the answer is 422 and the previous model and scores stay. ' +
  'Small shops often land here: until a model is fitted, campaigns rank top_clv_percent ' +
  'audiences by spend (valueBasis "spend").';

@ApiTags('Insights and reports')
@Controller('v1')
export class InsightsController {
  constructor(
    private readonly refresh: InsightsRefreshJob,
    private readonly models: InsightModelsQuery,
    private readonly members: MemberInsightsQuery,
    private readonly clock: Clock,
  ) {}

  @Post('insights/models/fit')
  @Roles('marketer')
  @ApiOperation({
    summary: 'Fit the CLV models and rescore every member',
    description: `BG/NBD and Gamma-Gamma on every member's purchases up to asOf. ${FIT_RULES}`,
  })
  @ApiCreatedResponse({
    type: InsightModelDto,
    description: 'Fits BG/NBD and Gamma-Gamma on purchases up to asOf and rescores every member',
  })
  @ApiUnprocessableEntityResponse(UNFIT)
  @ApiErrors({ 409: ['INSIGHTS_REFRESH_RUNNING'] })
  async fit(@Body() body: FitModelDto): Promise<InsightModelDto> {
    const now = this.clock.now();
    let asOf = now;
    if (body.asOf !== undefined) {
      if (startOf(body.asOf) > now) {
        throw validationFailed('asOf is in the future.');
      }
      // A date means its whole day, of which only the part up to now has happened.
      asOf = new Date(Math.min(inclusiveEndOf(body.asOf).getTime(), now.getTime()));
    }
    const model = await this.refresh.run(asOf);
    if (!model) {
      throw refreshRunning();
    }
    return toInsightModelDto(model);
  }

  @Get('insights/models')
  @Roles('marketer')
  @ApiOperation({
    summary: 'List the fitted models',
    description:
      'Every stored fit of the CLV models (BG/NBD and Gamma-Gamma), newest first, paginated; ' +
      'the newest scores members and ranks top_clv_percent audiences.',
  })
  @ApiOkResponse({ type: InsightModelPageDto })
  listModels(@Query() query: InsightModelListQuery): Promise<InsightModelPageDto> {
    return this.models.list(query);
  }

  @Post('insights/jobs/refresh')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Refit as of now, like the nightly job',
    description: `The nightly job logs a refusal and keeps the previous model. ${FIT_RULES}`,
  })
  @ApiOkResponse({ type: RefreshResultDto, description: 'Refits as of now, like the nightly job' })
  @ApiUnprocessableEntityResponse(UNFIT)
  async refreshNow(): Promise<RefreshResultDto> {
    const model = await this.refresh.run();
    return model ? { ran: true, model: toInsightModelDto(model) } : { ran: false };
  }

  @Get('members/:id/insights')
  @Roles('marketer')
  @ApiOperation({
    summary: "A member's RFM segment and predicted CLV",
    description:
      "The member's RFM scores and segment and their predicted purchases, chance of being " +
      'active and value, from the latest model. 409 INSIGHT_MODEL_NOT_FITTED before any fit; ' +
      '404 MEMBER_INSIGHTS_NOT_FOUND when they had no purchases up to its asOf.',
  })
  @ApiOkResponse({ type: MemberInsightsDto })
  @ApiErrors({
    404: ['MEMBER_NOT_FOUND', 'MEMBER_INSIGHTS_NOT_FOUND'],
    409: ['INSIGHT_MODEL_NOT_FITTED'],
  })
  memberInsights(@Param('id', new ParseUUIDPipe()) id: string): Promise<MemberInsightsDto> {
    return this.members.get(id);
  }
}
