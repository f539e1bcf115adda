import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, MemberOnly, MemberPrincipal } from '@vafa/platform';
import { MyReferralDto } from './referral.dto';
import { ReferralsUseCase } from './referrals.usecase';

@ApiTags('Member (own API)')
@Controller('v1/me/referral')
@MemberOnly()
export class MyReferralController {
  constructor(private readonly referrals: ReferralsUseCase) {}

  @Get()
  @ApiOperation({
    summary: 'My referral code and link',
    description:
      "The member's referral code and share link, whether the program is running, the members " +
      'they referred (newest first) with their status, and the points earned from them.',
  })
  @ApiOkResponse({ type: MyReferralDto })
  @ApiErrors({ 404: ['MEMBER_NOT_FOUND'] })
  mine(@CurrentPrincipal() principal: MemberPrincipal): Promise<MyReferralDto> {
    return this.referrals.mine(principal.memberId);
  }
}
