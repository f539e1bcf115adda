import { Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
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
  @ApiOkResponse({
    type: MyRewardPageDto,
    description: 'The rewards this member may see, cheapest first, each with `affordable`',
  })
  rewards(
    @CurrentPrincipal() principal: MemberPrincipal,
    @Query() query: PageQuery,
  ): Promise<Page<MyRewardDto>> {
    return this.catalog.list(principal.memberId, query);
  }

  @Post('rewards/:rewardId/redeem')
  @ApiHeader({ name: 'Idempotency-Key', required: true, example: 'app-7f3a-redeem-1' })
  @ApiCreatedResponse({
    type: RedemptionResultDto,
    description:
      'Points spent and the coupon (code) or perk issued, in one transaction; a repeat with the ' +
      'same key returns the same code',
  })
  @ApiNotFoundResponse({ description: 'REWARD_NOT_FOUND (also when not offered to this member)' })
  @ApiConflictResponse({ description: 'IDEMPOTENCY_KEY_REUSED' })
  @ApiUnprocessableEntityResponse({
    description: 'INSUFFICIENT_POINTS, REWARD_OUT_OF_STOCK, REWARD_LIMIT_REACHED; nothing written',
  })
  redeem(
    @CurrentPrincipal() principal: MemberPrincipal,
    @Param('rewardId', new ParseUUIDPipe()) rewardId: string,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<RedemptionResultDto> {
    return this.redemption.execute(principal.memberId, rewardId, requireIdempotencyKey(key));
  }

  @Get('perks')
  @ApiOkResponse({
    type: PerkPageDto,
    description:
      'Every coupon, gift and perk issued to the member, newest first, with status ' +
      '(active, used, expired, cancelled) and expiry',
  })
  myPerks(
    @CurrentPrincipal() principal: MemberPrincipal,
    @Query() query: PerkListQuery,
  ): Promise<Page<PerkDto>> {
    return this.perks.list(principal.memberId, query);
  }
}
