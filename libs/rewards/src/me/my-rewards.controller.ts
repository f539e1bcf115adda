import { Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrors,
  CurrentPrincipal,
  MemberOnly,
  MemberPrincipal,
  Page,
  PageQuery,
  requireIdempotencyKey,
} from '@vafa/platform';
import { PerksQuery } from '../redemptions/perks.query';
import { RedeemRewardUseCase } from '../redemptions/redeem-reward.usecase';
import {
  MyRewardDto,
  MyRewardPageDto,
  PerkDto,
  PerkListQuery,
  PerkPageDto,
  RedemptionResultDto,
} from '../redemptions/redemption.dto';
import { MyRewardsQuery } from './my-rewards.query';

@ApiTags('Member (own API)')
@Controller('v1/me')
@MemberOnly()
export class MyRewardsController {
  constructor(
    private readonly catalog: MyRewardsQuery,
    private readonly redemption: RedeemRewardUseCase,
    private readonly perks: PerksQuery,
  ) {}

  @Get('rewards')
  @ApiOperation({
    summary: 'The rewards I may redeem',
    description:
      'The catalog as this member sees it (active, in its window, open to their tier), ' +
      'cheapest first, paginated, each with `affordable` (their available points cover it) and ' +
      '`redeemable` (also in stock and within the per-member limit).',
  })
  @ApiOkResponse({ type: MyRewardPageDto })
  rewards(
    @CurrentPrincipal() principal: MemberPrincipal,
    @Query() query: PageQuery,
  ): Promise<Page<MyRewardDto>> {
    return this.catalog.list(principal.memberId, query);
  }

  @Post('rewards/:rewardId/redeem')
  @ApiHeader({ name: 'Idempotency-Key', required: true, example: 'app-7f3a-redeem-1' })
  @ApiOperation({
    summary: 'Redeem a reward',
    description:
      "Spends the member's points on the reward and issues its coupon code or perk, with a " +
      'unit of stock, in one transaction. A repeat with the same Idempotency-Key answers the ' +
      'same code and spends nothing more; a refused redemption writes nothing. A reward not ' +
      'offered to this member (tier, window, inactive) is 404 REWARD_NOT_FOUND.',
  })
  @ApiCreatedResponse({ type: RedemptionResultDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REQUIRED'],
    404: ['REWARD_NOT_FOUND'],
    409: ['IDEMPOTENCY_KEY_REUSED'],
    422: ['INSUFFICIENT_POINTS', 'REWARD_OUT_OF_STOCK', 'REWARD_LIMIT_REACHED'],
  })
  redeem(
    @CurrentPrincipal() principal: MemberPrincipal,
    @Param('rewardId', new ParseUUIDPipe()) rewardId: string,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<RedemptionResultDto> {
    return this.redemption.execute(principal.memberId, rewardId, requireIdempotencyKey(key));
  }

  @Get('perks')
  @ApiOperation({
    summary: 'My coupons and perks',
    description:
      'Every coupon, gift and perk issued to the member, newest first, paginated, with status ' +
      '(active, used, expired, cancelled; filter with `?status=`) and expiry.',
  })
  @ApiOkResponse({ type: PerkPageDto })
  myPerks(
    @CurrentPrincipal() principal: MemberPrincipal,
    @Query() query: PerkListQuery,
  ): Promise<Page<PerkDto>> {
    return this.perks.list(principal.memberId, query);
  }
}
