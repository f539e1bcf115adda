import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrors } from '@vafa/platform';
import { ReferralDto, ReferralPageDto, ReferralQuery } from './referral.dto';
import { ReferralsUseCase } from './referrals.usecase';

const REFERRAL_NOT_FOUND = ['REFERRAL_NOT_FOUND'];

@ApiTags('Referrals')
@Controller('v1/referrals')
@AdminOnly()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsUseCase) {}

  @Get()
  @ApiOperation({
    summary: 'List referrals',
    description:
      'Every referral, newest first, paginated; `?status=held` lists those held for fraud ' +
      'review (e.g. too many referrals by one member within the velocity window).',
  })
  @ApiOkResponse({ type: ReferralPageDto })
  list(@Query() query: ReferralQuery): Promise<ReferralPageDto> {
    return this.referrals.list(query);
  }

  @Post(':refereeId/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a held referral',
    description:
      'Releases a referral held for review: if it has already qualified, both members are paid ' +
      'at once (in the same transaction), otherwise on their qualifying purchase. Only a held ' +
      'referral can be approved (409 REFERRAL_NOT_HELD).',
  })
  @ApiOkResponse({ type: ReferralDto })
  @ApiErrors({ 404: REFERRAL_NOT_FOUND, 409: ['REFERRAL_NOT_HELD'] })
  approve(@Param('refereeId', new ParseUUIDPipe()) refereeId: string): Promise<ReferralDto> {
    return this.referrals.approve(refereeId);
  }

  @Post(':refereeId/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject a held referral',
    description:
      'Closes a referral held for review: nobody is paid for it. Only a held referral can be ' +
      'rejected (409 REFERRAL_NOT_HELD).',
  })
  @ApiOkResponse({ type: ReferralDto })
  @ApiErrors({ 404: REFERRAL_NOT_FOUND, 409: ['REFERRAL_NOT_HELD'] })
  reject(@Param('refereeId', new ParseUUIDPipe()) refereeId: string): Promise<ReferralDto> {
    return this.referrals.reject(refereeId);
  }
}
