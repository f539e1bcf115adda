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
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page, PageQuery, Roles } from '@vafa/platform';
import { CampaignDto, RunCampaignDto } from './campaign.dto';
import { CampaignResultsService } from './campaign-results.service';
import { CampaignRunner, RunResult } from './campaign-runner';
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
  @ApiOkResponse({
    schema: {
      example: {
        runId: '1c2d...',
        dryRun: false,
        eligible: 4700,
        holdout: 470,
        granted: 1000,
        skipped: 3230,
        budgetLeft: { grantsThisRun: 0, points: 0 },
      },
    },
  })
  run(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RunCampaignDto,
  ): Promise<RunResult> {
    return this.runner.run(id, { dryRun: body.dryRun ?? false, trigger: 'manual' });
  }

  @Get(':id/results')
  @ApiOkResponse({
    description: 'Per run: treated against holdout, once the follow-up window has passed',
  })
  getResults(@Param('id', new ParseUUIDPipe()) id: string): Promise<Record<string, unknown>> {
    return this.results.results(id);
  }
}
