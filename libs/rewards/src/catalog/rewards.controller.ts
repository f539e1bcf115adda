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
  ApiErrors,
  auditActorOf,
  CurrentPrincipal,
  mergePatch,
  Roles,
  StaffPrincipal,
} from '@vafa/platform';
import {
  CreateRewardDto,
  PatchRewardDto,
  ReplaceRewardDto,
  RewardDto,
  RewardListQuery,
  RewardPageDto,
} from './reward.dto';
import { RewardsRepository } from './rewards.repository';

const REWARD_NOT_FOUND = { 404: ['REWARD_NOT_FOUND'] } as const;

@ApiTags('Rewards')
@Controller('v1/rewards')
@Roles('marketer')
export class RewardsController {
  constructor(private readonly rewards: RewardsRepository) {}

  @Post()
  @ApiOperation({
    summary: 'Add a reward to the catalog',
    description:
      'A coupon (discount_amount, discount_percent, free_product) or a perk (service_perk, ' +
      'gift) that members redeem for points. `value` must fit the type, activeUntil must be ' +
      'after activeFrom (400 VALIDATION_FAILED); `stock` omitted means unlimited.',
  })
  @ApiCreatedResponse({ type: RewardDto })
  create(
    @Body() body: CreateRewardDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<RewardDto> {
    return this.rewards.create(body, auditActorOf(principal));
  }

  @Get()
  @ApiOperation({
    summary: 'List the catalog',
    description:
      'Every reward, newest first, paginated; `?active=true` or `false` filters. Members see ' +
      'their own view (tier gating, window, affordability) at GET /v1/me/rewards.',
  })
  @ApiOkResponse({ type: RewardPageDto })
  list(@Query() query: RewardListQuery): Promise<RewardPageDto> {
    return this.rewards.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a reward',
    description: 'One catalog reward with its terms and the stock left.',
  })
  @ApiOkResponse({ type: RewardDto })
  @ApiErrors(REWARD_NOT_FOUND)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<RewardDto> {
    return this.rewards.get(id);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a reward',
    description:
      'Replaces every term (omitted optional fields take their defaults); what GET answers can ' +
      'be sent back as is (id, stockRemaining, createdAt, updatedAt are ignored). A new `stock` ' +
      'moves the units left by the same amount, never below 0. Coupons and perks already ' +
      'issued keep their terms.',
  })
  @ApiOkResponse({ type: RewardDto })
  @ApiErrors(REWARD_NOT_FOUND)
  replace(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReplaceRewardDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<RewardDto> {
    return this.rewards.replace(id, body, auditActorOf(principal));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change some terms of a reward',
    description:
      'The fields named replace the current ones (e.g. `{"active": false}` takes it off the ' +
      'catalog); the result must be a valid reward (400 VALIDATION_FAILED otherwise) and is ' +
      'stored like a PUT. Coupons and perks already issued keep their terms.',
  })
  @ApiOkResponse({ type: RewardDto })
  @ApiErrors(REWARD_NOT_FOUND)
  async patch(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PatchRewardDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<RewardDto> {
    const merged = await mergePatch(ReplaceRewardDto, await this.rewards.get(id), body);
    return this.rewards.replace(id, merged, auditActorOf(principal));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a reward',
    description:
      'Removes it from the catalog; coupons and perks already issued stay valid until used or ' +
      'expired.',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(REWARD_NOT_FOUND)
  remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<void> {
    return this.rewards.remove(id, auditActorOf(principal));
  }
}
