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
import { TIER_EXAMPLE, TierDto } from './tier.dto';
import { TierEvaluationJob } from './tier-evaluation.job';
import { TiersService, TierView } from './tiers.service';

@ApiTags('Program configuration')
@Controller('v1/tiers')
export class TiersController {
  constructor(
    private readonly tiers: TiersService,
    private readonly job: TierEvaluationJob,
  ) {}

  @Get()
  @Roles('marketer')
  @ApiOkResponse({ schema: { example: { items: [TIER_EXAMPLE], nextCursor: null } } })
  list(@Query() query: PageQuery): Promise<Page<TierView>> {
    return this.tiers.list(query);
  }

  @Get(':id')
  @Roles('marketer')
  @ApiOkResponse({ schema: { example: TIER_EXAMPLE } })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<TierView> {
    return this.tiers.get(id);
  }

  @Post()
  @Roles('marketer')
  @ApiCreatedResponse({
    schema: { example: TIER_EXAMPLE },
    description: '409 TIER_EXISTS for a taken code or rank',
  })
  create(@Body() body: TierDto): Promise<TierView> {
    return this.tiers.create(body);
  }

  @Put(':id')
  @Roles('marketer')
  @ApiOkResponse({ schema: { example: TIER_EXAMPLE } })
  replace(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: TierDto): Promise<TierView> {
    return this.tiers.replace(id, body);
  }

  @Delete(':id')
  @Roles('marketer')
  @HttpCode(204)
  @ApiNoContentResponse({ description: '409 TIER_IN_USE while members hold it' })
  remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.tiers.remove(id);
  }

  @Post('jobs/evaluate')
  @Roles()
  @HttpCode(200)
  @ApiOkResponse({ schema: { example: { ran: true, members: 1200, upgraded: 3, downgraded: 1 } } })
  async evaluate(): Promise<Record<string, unknown>> {
    const result = await this.job.run();
    return result ? { ran: true, ...result } : { ran: false };
  }
}
