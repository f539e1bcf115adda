import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Page, PageQuery, Roles } from '@vafa/platform';
import { MembersRepository } from '@vafa/members';
import { PerksQuery } from '../redemptions/perks.query';
import { PerkDto, PerkPageDto } from '../redemptions/redemption.dto';

/**
 * The till's view of the member being served: only what they can use now. Their full history of
 * codes (used, expired, cancelled) stays with the member and with marketers.
 */
@ApiTags('Point of sale')
@Controller('v1/pos/members/:id/perks')
export class TillPerksController {
  constructor(
    private readonly members: MembersRepository,
    private readonly perks: PerksQuery,
  ) {}

  @Get()
  @Roles('cashier')
  @ApiOperation({
    summary: "The member's usable coupons and perks",
    description:
      "The only way a cashier sees a member's coupon codes: those they can use now, to apply at " +
      'checkout (couponCodes) or hand over (POST /v1/rewards/redemptions/{id}/use).',
  })
  @ApiOkResponse({
    type: PerkPageDto,
    description:
      "The member's usable coupons and perks (active and unexpired), newest first, in the " +
      'same shape as GET /v1/me/perks',
  })
  @ApiErrors({ 404: ['MEMBER_NOT_FOUND'] })
  async list(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<PerkDto>> {
    await this.members.get(id);
    return this.perks.list(id, { ...query, status: 'active' });
  }
}
