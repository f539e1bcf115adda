import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AdminOnly,
  ApiErrors,
  auditActorOf,
  CurrentPrincipal,
  mergePatch,
  PageQuery,
  Roles,
  StaffPrincipal,
} from '@vafa/platform';
import { CampaignDto, PatchCampaignDto, RunCampaignDto } from './campaign.dto';
import { CampaignResultsDto } from './campaign-results.dto';
import { CampaignResultsQuery } from './campaign-results.query';
import { RunResultDto } from './campaign-run.dto';
import { CampaignScheduleJob } from './campaign-schedule.job';
import { CampaignPageDto, CampaignViewDto, RunDueResultDto } from './campaign-view.dto';
import { CampaignsRepository, toCampaignView } from './campaigns.repository';
import { RunCampaignUseCase } from './run-campaign.usecase';

const CAMPAIGN_NOT_FOUND = { 404: ['CAMPAIGN_NOT_FOUND'] } as const;
/** A gift naming a catalog reward that does not exist. */
const GIFT_REWARD_MISSING = { 422: ['REWARD_NOT_FOUND'] } as const;

const PREVIEW_EXAMPLE: RunResultDto = {
  runId: null,
  dryRun: true,
  eligible: 240,
  holdout: 24,
  granted: 216,
  skipped: 0,
  skippedReasons: {},
  budgetLeft: { grantsThisRun: null, points: 39200 },
  pointsCost: 10800,
  valueBasis: 'clv',
  warnings: [],
};

@ApiTags('Campaigns')
@Controller('v1/campaigns')
@Roles('marketer')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly runner: RunCampaignUseCase,
    private readonly results: CampaignResultsQuery,
    private readonly scheduler: CampaignScheduleJob,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List campaigns',
    description: 'Every campaign, drafts and deleted ones included, newest first, paginated.',
  })
  @ApiOkResponse({ type: CampaignPageDto })
  list(@Query() query: PageQuery): Promise<CampaignPageDto> {
    return this.campaigns.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a campaign',
    description:
      'A surprise-and-delight campaign: who (audience criteria that must all hold), what (points, ' +
      'a catalog reward or a perk), how often (a cron schedule, cooldown, probability), its ' +
      'budget and a holdout to measure it. `active: false` keeps it a draft to preview with a ' +
      'dry run. A gift naming a reward that does not exist is 422 REWARD_NOT_FOUND.',
  })
  @ApiCreatedResponse({ type: CampaignViewDto })
  @ApiErrors(GIFT_REWARD_MISSING)
  create(
    @Body() body: CampaignDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<CampaignViewDto> {
    return this.campaigns.create(body, auditActorOf(principal));
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Preview an unsaved campaign',
    description:
      'Takes the body POST /v1/campaigns takes and answers what a dry run of it would: who is ' +
      'eligible, the holdout, the expected grants and their points cost, the valueBasis and the ' +
      'warnings. Nothing is stored: no campaign, no run, no grant. The body is checked as a ' +
      'create is (400 VALIDATION_FAILED, 422 REWARD_NOT_FOUND).',
  })
  @ApiOkResponse({ type: RunResultDto, example: PREVIEW_EXAMPLE })
  @ApiErrors(GIFT_REWARD_MISSING)
  preview(@Body() body: CampaignDto): Promise<RunResultDto> {
    return this.runner.preview(body);
  }

  @Post('jobs/run-due')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the due campaigns now',
    description:
      'Runs on demand what the scheduler does every minute and each morning: every active ' +
      'scheduled campaign whose latest fire time has not run yet (once per fire time, across ' +
      'instances), then the birthday campaigns.',
  })
  @ApiOkResponse({ type: RunDueResultDto })
  async runDue(): Promise<{ ran: string[] }> {
    return { ran: [...(await this.scheduler.runDue()), ...(await this.scheduler.birthdays())] };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a campaign',
    description: 'One campaign with its audience, gift, budget and the points granted so far.',
  })
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiErrors(CAMPAIGN_NOT_FOUND)
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignViewDto> {
    return toCampaignView(await this.campaigns.get(id));
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a campaign',
    description:
      'Replaces every field (omitted optional fields take their defaults). What GET answers can ' +
      'be sent back as is: id, pointsGranted and createdAt are ignored. Runs already made and ' +
      'their results stay.',
  })
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiErrors({ ...CAMPAIGN_NOT_FOUND, ...GIFT_REWARD_MISSING })
  replace(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CampaignDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<CampaignViewDto> {
    return this.campaigns.replace(id, body, auditActorOf(principal));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change some fields of a campaign',
    description:
      'The fields named replace the current ones (a nested object such as `budget` or `gift` as ' +
      'a whole), e.g. `{"active": false}` pauses it; the result must be a valid campaign (400 ' +
      'VALIDATION_FAILED otherwise) and is stored like a PUT.',
  })
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiErrors({ ...CAMPAIGN_NOT_FOUND, ...GIFT_REWARD_MISSING })
  async patch(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PatchCampaignDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<CampaignViewDto> {
    const current = toCampaignView(await this.campaigns.get(id));
    const merged = await mergePatch(CampaignDto, current, body);
    return this.campaigns.replace(id, merged, auditActorOf(principal));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a campaign',
    description:
      'Deactivates the campaign so it never runs again; it stays listed, and its runs and ' +
      'results stay.',
  })
  @ApiNoContentResponse({ description: 'Deactivated' })
  @ApiErrors(CAMPAIGN_NOT_FOUND)
  remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<void> {
    return this.campaigns.remove(id, auditActorOf(principal));
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
    example: {
      runId: null,
      dryRun: true,
      eligible: 5,
      holdout: 0,
      granted: 5,
      skipped: 0,
      skippedReasons: {},
      budgetLeft: { grantsThisRun: null, points: null },
      pointsCost: 500,
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
  })
  @ApiErrors({ ...CAMPAIGN_NOT_FOUND, 422: ['CAMPAIGN_NOT_ACTIVE'] })
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
  @ApiErrors(CAMPAIGN_NOT_FOUND)
  getResults(@Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignResultsDto> {
    return this.results.results(id);
  }
}
