import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
  Page,
  PageQuery,
  requireIdempotencyKey,
  Roles,
  StaffPrincipal,
} from '@vafa/platform';
import { MembersRepository } from '@vafa/members';
import { resolveMemberRef } from '@vafa/points';
import { MyRewardsQuery } from '../me/my-rewards.query';
import { RedeemRewardUseCase } from '../redemptions/redeem-reward.usecase';
import { MyRewardDto, MyRewardPageDto, RedemptionResultDto } from '../redemptions/redemption.dto';
import { TillRedemptionDto } from './till-redemption.dto';

/**
 * The till redeems catalog rewards for a member without the app: what they may redeem, and the
 * redemption itself, under the same rules as the member's own.
 */
@ApiTags('Point of sale')
@Controller('v1/pos')
@Roles('cashier')
export class TillRewardsController {
  constructor(
    private readonly members: MembersRepository,
    private readonly catalog: MyRewardsQuery,
    private readonly redemption: RedeemRewardUseCase,
  ) {}

  @Get('members/:id/rewards')
  @ApiOperation({
    summary: 'The rewards this member may redeem',
    description:
      'The catalog as the member sees it in GET /v1/me/rewards (active, in its window, open to ' +
      'their tier), cheapest first, each with `affordable` (their available points cover it) and ' +
      '`redeemable` (also in stock and within the per-member limit).',
  })
  @ApiOkResponse({ type: MyRewardPageDto })
  @ApiErrors({ 404: ['MEMBER_NOT_FOUND'] })
  async rewards(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<MyRewardDto>> {
    await this.members.get(id);
    return this.catalog.list(id, query);
  }

  @Post('redemptions')
  @ApiHeader({ name: 'Idempotency-Key', required: true, example: 'till-7-redeem-0042' })
  @ApiOperation({
    summary: 'Redeem a reward for the member at the till',
    description:
      "Spends the member's points on a catalog reward and issues its coupon code or perk, in one " +
      "transaction, with the same rules as the member's own redemption (stock, per-member " +
      "limit, tier gating); recorded with the cashier's store. A retry with the same key " +
      'answers the same and spends nothing more; the code is then usable at checkout ' +
      '(couponCodes) and listed by GET /v1/pos/members/{id}/perks.',
  })
  @ApiCreatedResponse({ type: RedemptionResultDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REQUIRED'],
    // REWARD_NOT_FOUND also when the reward is not offered to this member (tier, window).
    404: ['MEMBER_NOT_FOUND', 'REWARD_NOT_FOUND'],
    409: ['IDEMPOTENCY_KEY_REUSED'],
    422: ['INSUFFICIENT_POINTS', 'REWARD_OUT_OF_STOCK', 'REWARD_LIMIT_REACHED'],
  })
  async redeem(
    @Body() body: TillRedemptionDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<RedemptionResultDto> {
    const idempotencyKey = requireIdempotencyKey(key);
    const memberId = await resolveMemberRef(this.members, body.member);
    return this.redemption.executeAtTill(memberId, body.rewardId, idempotencyKey, principal);
  }
}
