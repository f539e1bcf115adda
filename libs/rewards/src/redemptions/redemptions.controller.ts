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
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  AdminOnly,
  ApiErrors,
  CurrentPrincipal,
  inTransaction,
  once,
  Page,
  requestHash,
  requireIdempotencyKey,
  Roles,
  StaffPrincipal,
} from '@vafa/platform';
import { MembersRepository } from '@vafa/members';
import { RewardsScheduleJob } from '../jobs/rewards-schedule.job';
import { CancelRedemptionUseCase } from './cancel-redemption.usecase';
import { PerksQuery } from './perks.query';
import {
  CancelRedemptionDto,
  CancelRedemptionResultDto,
  ExpireCouponsResultDto,
  GrantResultDto,
  GrantRewardDto,
  PerkDto,
  PerkListQuery,
  PerkPageDto,
} from './redemption.dto';
import { GrantRewardUseCase } from './grant-reward.usecase';
import { UsePerkUseCase } from './use-perk.usecase';

@ApiTags('Rewards')
@Controller('v1/rewards')
export class RedemptionsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: GrantRewardUseCase,
    private readonly cancellation: CancelRedemptionUseCase,
    private readonly perks: UsePerkUseCase,
    private readonly scheduler: RewardsScheduleJob,
  ) {}

  @Post(':id/grants')
  @Roles('marketer')
  @ApiHeader({ name: 'Idempotency-Key', required: true, example: 'sorry-ticket-1042' })
  @ApiOperation({
    summary: 'Give a reward to a member',
    description:
      "Issues the reward's coupon or perk to the member without spending points (service " +
      'recovery, gifts), recorded in their activity with the reason; takes a unit of stock. One ' +
      'transaction, once per Idempotency-Key: a retry answers the first grant with ' +
      '`replayed: true`.',
  })
  @ApiCreatedResponse({ type: GrantResultDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REQUIRED'],
    404: ['REWARD_NOT_FOUND', 'MEMBER_NOT_FOUND'],
    409: ['IDEMPOTENCY_KEY_REUSED'],
    422: ['REWARD_OUT_OF_STOCK'],
  })
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
        {
          memberId: body.memberId,
          scope: `reward-grant:${principal.keyId}`,
          key: idempotencyKey,
          hash,
        },
        () =>
          this.grants.grantByStaff(
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
  @ApiOperation({
    summary: 'Cancel an unused redemption',
    description:
      'Cancels an unused coupon or perk (active or expired): its points go back to the very ' +
      'lots they came from and its unit back to stock, in one transaction. Cancelling again ' +
      'answers the same; a used one cannot be cancelled.',
  })
  @ApiOkResponse({ type: CancelRedemptionResultDto })
  @ApiErrors({ 404: ['REDEMPTION_NOT_FOUND'], 422: ['REDEMPTION_NOT_CANCELLABLE'] })
  cancel(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CancelRedemptionDto,
  ): Promise<CancelRedemptionResultDto> {
    return this.cancellation.execute(id, body.reason);
  }

  @Post('redemptions/:id/use')
  @Roles('marketer', 'cashier')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark a perk as delivered',
    description:
      'A service perk or gift handed over at the till or by the team: it becomes used, once ' +
      '(one conditional statement). Coupons are used at checkout instead (couponCodes); a used, ' +
      'expired or cancelled perk is 422 PERK_NOT_USABLE.',
  })
  @ApiOkResponse({ type: PerkDto, description: 'The perk, now used' })
  @ApiErrors({ 404: ['REDEMPTION_NOT_FOUND'], 422: ['PERK_NOT_USABLE'] })
  use(@Param('id', new ParseUUIDPipe()) id: string): Promise<PerkDto> {
    return this.perks.execute(id);
  }

  @Post('jobs/expire-coupons')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Expire coupons and perks now',
    description:
      'Runs the hourly job on demand: unused coupons and perks past their expiry become ' +
      'expired. Safe to repeat; `ran` is false when another instance is running it.',
  })
  @ApiOkResponse({ type: ExpireCouponsResultDto })
  async expireCoupons(): Promise<ExpireCouponsResultDto> {
    const result = await this.scheduler.expireCoupons();
    return result ? { ran: true, ...result } : { ran: false };
  }
}

@ApiTags('Members')
@Controller('v1/members/:id/perks')
export class MemberPerksController {
  constructor(
    private readonly members: MembersRepository,
    private readonly perks: PerksQuery,
  ) {}

  @Get()
  @Roles('marketer', 'integration')
  @ApiOperation({
    summary: "A member's coupons and perks",
    description:
      'Every coupon, gift and perk issued to the member, newest first, paginated, with status ' +
      '(filter with `?status=`), codes and expiry.',
  })
  @ApiOkResponse({ type: PerkPageDto })
  @ApiErrors({ 404: ['MEMBER_NOT_FOUND'] })
  async list(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PerkListQuery,
  ): Promise<Page<PerkDto>> {
    await this.members.get(id);
    return this.perks.list(id, query);
  }
}
