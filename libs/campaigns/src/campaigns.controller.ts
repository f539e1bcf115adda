import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Page, PageQuery, Roles } from '@vafa/platform';
import { CampaignDto, RunCampaignDto } from './campaign.dto';
import { CampaignResultsDto } from './campaign-results.dto';
import { CampaignResultsService } from './campaign-results.service';
import { RunResultDto } from './campaign-run.dto';
import { CampaignRunner } from './campaign-runner';
import { CampaignScheduler } from './campaign-scheduler';
import { CampaignsService, CampaignView, toCampaignView } from './campaigns.service';

const CAMPAIGN_EXAMPLE = {
  id: '7d1e...',
  name: 'Thank our champions',
  active: true,
  schedule: '0 10 * * 1',
  audience: [{ segment: 'top_clv_percent', params: { percent: 20 } }],
  gift: { type: 'points', points: 500 },
  probability: 0.3,
  cooldownDays: 30,
  holdoutPercent: 10,
  budget: { maxGrantsPerRun: 1000, maxPointsTotal: 500000 },
  pointsGranted: 0,
  followUpDays: 30,
};

@ApiTags('Campaigns')
@Controller('v1/campaigns')
@Roles('marketer')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly runner: CampaignRunner,
    private readonly results: CampaignResultsService,
    private readonly scheduler: CampaignScheduler,
  ) {}

  @Get()
  @ApiOkResponse({ schema: { example: { items: [CAMPAIGN_EXAMPLE], nextCursor: null } } })
  list(@Query() query: PageQuery): Promise<Page<CampaignView>> {
    return this.campaigns.list(query);
  }

  @Post()
  @ApiCreatedResponse({ schema: { example: CAMPAIGN_EXAMPLE } })
  create(@Body() body: CampaignDto): Promise<CampaignView> {
    return this.campaigns.create(body);
  }

  @Post('jobs/run-due')
  @Roles()
  @HttpCode(200)
  @ApiOkResponse({ schema: { example: { ran: ['7d1e...'] } } })
  async runDue(): Promise<{ ran: string[] }> {
    return { ran: [...(await this.scheduler.runDue()), ...(await this.scheduler.birthdays())] };
  }

  @Get(':id')
  @ApiOkResponse({ schema: { example: CAMPAIGN_EXAMPLE } })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignView> {
    return toCampaignView(await this.campaigns.get(id));
  }

  @Put(':id')
  @ApiOkResponse({ schema: { example: CAMPAIGN_EXAMPLE } })
  replace(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CampaignDto,
  ): Promise<CampaignView> {
    return this.campaigns.replace(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deactivates the campaign; its runs and results stay' })
  remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.campaigns.remove(id);
  }

  @Post(':id/run')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run a campaign now, or preview it with a dry run',
    description:
      'A dry run counts who would be granted and writes nothing; it works on any campaign, a ' +
      'draft (active false) or one outside its dates included, so a marketer previews first. A ' +
      'real run needs an active campaign. The holdout is exactly floor(eligible × ' +
      'holdoutPercent / 100) members (the lowest holdout draws), so a share of a small audience ' +
      'can be nobody: the run then warns HOLDOUT_EMPTY (HOLDOUT_TOO_SMALL when it is too small ' +
      'to measure uplift). top_clv_percent ranks by the latest insight model’s CLV; before any ' +
      'usable model is fitted it ranks by a proxy — net spend (order totals less returns) over ' +
      'the 365 days up to the run, ties by the most recent purchase, then member id, among ' +
      'members with spend > 0 — and says so: valueBasis "spend" and a CLV_NOT_AVAILABLE warning.',
  })
  @ApiOkResponse({
    type: RunResultDto,
    schema: {
      example: {
        runId: null,
        dryRun: true,
        eligible: 5,
        holdout: 0,
        granted: 5,
        skipped: 0,
        skippedReasons: {},
        budgetLeft: { grantsThisRun: null, points: null },
        valueBasis: 'spend',
        warnings: [
          {
            code: 'HOLDOUT_EMPTY',
            message:
              "No one was assigned to the holdout: 10% of 5 eligible members rounds down to 0, so this run's uplift cannot be measured. A holdout of 2 needs at least 20 eligible members at 10%.",
          },
          {
            code: 'CLV_NOT_AVAILABLE',
            message:
              'No insight model has been fitted (POST /v1/insights/models/fit says what history it needs), so top_clv_percent ranked members by net spend over the last 365 days (ties: the most recent purchase first).',
          },
        ],
      },
    },
  })
  @ApiNotFoundResponse({ description: 'Codes: `CAMPAIGN_NOT_FOUND`' })
  @ApiUnprocessableEntityResponse({
    description:
      'Codes: `CAMPAIGN_NOT_ACTIVE` (a real run of an inactive campaign; dry runs always work)',
  })
  run(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RunCampaignDto,
  ): Promise<RunResultDto> {
    return this.runner.run(id, { dryRun: body.dryRun ?? false, trigger: 'manual' });
  }

  @Get(':id/results')
  @ApiOperation({
    summary: 'Treated against holdout, per run',
    description:
      'Purchases and spend per member over the follow-up window, compared once it has passed, ' +
      'with a 95% CI. Each run says whether its uplift is measurable (at least 2 members in each ' +
      'group and a detectable purchase-rate difference below 1 − p, the largest uplift possible) ' +
      'and the minimum detectable ' +
      'effect at its group sizes, for 95% confidence and 80% power: MDE = (z₀.₉₇₅ + z₀.₈) × ' +
      '√(s²/n_t + s²/n_h) = 2.8016 × s × √(1/n_t + 1/n_h). For spend per member s is the ' +
      'pooled standard deviation observed over the follow-up (null before it ends); for the ' +
      'purchase rate s = √(p(1-p)) with p the pooled rate observed, or before the follow-up ' +
      'ends the baseline: the share of the run’s members who purchased in the followUpDays ' +
      'before it (0.5, the most conservative, when that is 0 or 1).',
  })
  @ApiOkResponse({ type: CampaignResultsDto })
  @ApiNotFoundResponse({ description: 'Codes: `CAMPAIGN_NOT_FOUND`' })
  getResults(@Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignResultsDto> {
    return this.results.results(id);
  }
}
