import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  CurrentPrincipal,
  inTransaction,
  once,
  Page,
  requestHash,
  requireIdempotencyKey,
  Roles,
  StaffPrincipal,
} from '@vafa/platform';
import { MembersService } from '@vafa/members';
import { RewardsScheduler } from '../jobs/rewards-scheduler';
import { CancelRedemptionUseCase } from './cancel-redemption.usecase';
import { PerksQuery } from './perks.query';
import {
  CancelRedemptionDto,
  CancelRedemptionResultDto,
  GrantResultDto,
  GrantRewardDto,
  PerkDto,
  PerkListQuery,
  PerkPageDto,
} from './redemption.dto';
import { RewardGrantService } from './reward-grant.service';
import { UsePerkUseCase } from './use-perk.usecase';

@ApiTags('Rewards')
@Controller('v1/rewards')
export class RedemptionsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: RewardGrantService,
    private readonly cancellation: CancelRedemptionUseCase,
    private readonly perks: UsePerkUseCase,
    private readonly scheduler: RewardsScheduler,
  ) {}

  @Post(':id/grants')
  @Roles('marketer')
  @ApiHeader({ name: 'Idempotency-Key', required: true, example: 'sorry-ticket-1042' })
  @ApiCreatedResponse({
    type: GrantResultDto,
    description:
      "Issues the reward's coupon or perk to the member without spending points (service " +
      'recovery, gifts); takes a unit of stock (422 REWARD_OUT_OF_STOCK)',
  })
  @ApiNotFoundResponse({ description: 'REWARD_NOT_FOUND, MEMBER_NOT_FOUND' })
  grant(
    @Param('id', new ParseUUIDPipe()) rewardId: string,
    @Body() body: GrantRewardDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<GrantResultDto> {
    const idempotencyKey = requireIdempotencyKey(key);
    const hash = requestHash({ rewardId, ...body });
    return inTransaction(this.dataSource, async (manager) => {
      const { response } = await once(
        manager,
        { scope: `reward-grant:${principal.keyId}`, key: idempotencyKey, hash },
        () =>
          this.grants.grantFree(
            manager,
            body.memberId,
            rewardId,
            `staff:${principal.keyId}:${idempotencyKey}`,
            body.reason ?? null,
          ),
      );
      return response;
    });
  }

  @Post('redemptions/:id/cancel')
  @Roles('marketer')
  @HttpCode(200)
  @ApiOkResponse({
    type: CancelRedemptionResultDto,
    description:
      'Refunds the points to the lots they came from and returns the unit to stock; ' +
      'cancelling again answers the same',
  })
  @ApiNotFoundResponse({ description: 'REDEMPTION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'REDEMPTION_NOT_CANCELLABLE (already used)' })
  cancel(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CancelRedemptionDto,
  ): Promise<CancelRedemptionResultDto> {
    return this.cancellation.execute(id, body.reason);
  }

  @Post('redemptions/:id/use')
  @Roles('marketer', 'cashier')
  @HttpCode(200)
  @ApiOkResponse({ type: PerkDto, description: 'A service perk or gift delivered: now used' })
  @ApiNotFoundResponse({ description: 'REDEMPTION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    description: 'PERK_NOT_USABLE: used, expired, cancelled, or a coupon (used at the till)',
  })
  use(@Param('id', new ParseUUIDPipe()) id: string): Promise<PerkDto> {
    return this.perks.execute(id);
  }

  @Post('jobs/expire-coupons')
  @Roles()
  @HttpCode(200)
  @ApiOkResponse({ schema: { example: { ran: true, expired: 12 } } })
  async expireCoupons(): Promise<Record<string, unknown>> {
    const result = await this.scheduler.expireCoupons();
    return result ? { ran: true, ...result } : { ran: false };
  }
}

@ApiTags('Members')
@Controller('v1/members/:id/perks')
export class MemberPerksController {
  constructor(
    private readonly members: MembersService,
    private readonly perks: PerksQuery,
  ) {}

  @Get()
  @Roles('marketer', 'integration')
  @ApiOkResponse({ type: PerkPageDto, description: "The member's coupons and perks, newest first" })
  async list(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PerkListQuery,
  ): Promise<Page<PerkDto>> {
    await this.members.get(id);
    return this.perks.list(id, query);
  }
}
