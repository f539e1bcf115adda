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
import {
  PatchTierDto,
  TierDto,
  TierEvaluationResultDto,
  TierPageDto,
  TierViewDto,
} from './tier.dto';
import { TierEvaluationJob } from './tier-evaluation.job';
import { TiersRepository } from './tiers.repository';

const TIER_NOT_FOUND = { 404: ['TIER_NOT_FOUND'] } as const;

@ApiTags('Program configuration')
@Controller('v1/tiers')
export class TiersController {
  constructor(
    private readonly tiers: TiersRepository,
    private readonly job: TierEvaluationJob,
  ) {}

  @Get()
  @Roles('marketer')
  @ApiOperation({
    summary: 'List the tiers',
    description:
      'Every tier, lowest rank first (the lowest is every member’s start), paginated with ' +
      '`limit` and `cursor`.',
  })
  @ApiOkResponse({ type: TierPageDto })
  list(@Query() query: PageQuery): Promise<TierPageDto> {
    return this.tiers.list(query);
  }

  @Get(':id')
  @Roles('marketer')
  @ApiOperation({
    summary: 'Get a tier',
    description: 'One tier with its qualification, benefits and downgrade grace period.',
  })
  @ApiOkResponse({ type: TierViewDto })
  @ApiErrors(TIER_NOT_FOUND)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<TierViewDto> {
    return this.tiers.get(id);
  }

  @Post()
  @Roles('marketer')
  @ApiOperation({
    summary: 'Create a tier',
    description:
      'Adds a status level. Code and rank are unique (409 TIER_EXISTS names the taken one); ' +
      'members move into it at their next checkout or the nightly re-evaluation.',
  })
  @ApiCreatedResponse({ type: TierViewDto })
  @ApiErrors({ 409: ['TIER_EXISTS'] })
  create(
    @Body() body: TierDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<TierViewDto> {
    return this.tiers.create(body, auditActorOf(principal));
  }

  @Put(':id')
  @Roles('marketer')
  @ApiOperation({
    summary: 'Replace a tier',
    description:
      'Replaces every field of the tier (omitted optional fields take their defaults). What ' +
      'GET answers can be sent back as is: `id` is ignored. Members are re-evaluated against ' +
      'the new rules at their next checkout or the nightly job.',
  })
  @ApiOkResponse({ type: TierViewDto })
  @ApiErrors({ ...TIER_NOT_FOUND, 409: ['TIER_EXISTS'] })
  replace(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: TierDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<TierViewDto> {
    return this.tiers.replace(id, body, auditActorOf(principal));
  }

  @Patch(':id')
  @Roles('marketer')
  @ApiOperation({
    summary: 'Change some fields of a tier',
    description:
      'The fields named replace the current ones (a nested object such as `benefits` as a ' +
      'whole); the result must be a valid tier (400 VALIDATION_FAILED otherwise) and is stored ' +
      'like a PUT.',
  })
  @ApiOkResponse({ type: TierViewDto })
  @ApiErrors({ ...TIER_NOT_FOUND, 409: ['TIER_EXISTS'] })
  async patch(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PatchTierDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<TierViewDto> {
    const merged = await mergePatch(TierDto, await this.tiers.get(id), body);
    return this.tiers.replace(id, merged, auditActorOf(principal));
  }

  @Delete(':id')
  @Roles('marketer')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a tier',
    description:
      'Removes a tier no member holds; move its members first (PUT /v1/members/{id}/tier), ' +
      'otherwise 409 TIER_IN_USE.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors({ ...TIER_NOT_FOUND, 409: ['TIER_IN_USE'] })
  remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<void> {
    return this.tiers.remove(id, auditActorOf(principal));
  }

  @Post('jobs/evaluate')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Re-evaluate every member’s tier now',
    description:
      'Runs the nightly re-evaluation on demand: every member, in batches, upgrades at once and ' +
      'downgrades after the grace period and any manual hold. Members whose tier would be ' +
      "lowered within the program's `tierDowngradeWarningDays` if they bought nothing more get a " +
      '`tier.downgrade_warning` event, once per downgrade day. Safe to repeat; `ran` is false ' +
      'when another instance is running it.',
  })
  @ApiOkResponse({ type: TierEvaluationResultDto })
  async evaluate(): Promise<TierEvaluationResultDto> {
    const result = await this.job.run();
    return result ? { ran: true, ...result } : { ran: false };
  }
}
