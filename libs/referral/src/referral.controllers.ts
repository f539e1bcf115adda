import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  auditActorOf,
  CurrentPrincipal,
  MemberOnly,
  MemberPrincipal,
  mergePatch,
  Roles,
  StaffPrincipal,
} from '@vafa/platform';
import { ReferralProgramDto, ReferralProgramViewDto } from './referral-program.dto';
import { ReferralProgramService } from './referral-program.service';
import { MyReferralDto, ReferralDto, ReferralPageDto, ReferralQuery } from './referral.dto';
import { ReferralsService } from './referrals.service';

const REFERRAL_NOT_FOUND = ['REFERRAL_NOT_FOUND'];

@ApiTags('Referrals')
@Controller('v1/referral-program')
export class ReferralProgramController {
  constructor(private readonly program: ReferralProgramService) {}

  @Get()
  @Roles('marketer')
  @ApiOperation({
    summary: 'Get the referral program',
    description:
      'The points each side of a referral earns, what qualifies a referral, and the fraud ' +
      'limits (referrals per member, velocity hold).',
  })
  @ApiOkResponse({ type: ReferralProgramViewDto })
  get(): Promise<ReferralProgramViewDto> {
    return this.program.get();
  }

  @Put()
  @Roles('marketer')
  @ApiOperation({
    summary: 'Update the referral program',
    description:
      'Sets the fields sent and keeps the rest (as it always has; PATCH does the same). What ' +
      'GET answers can be sent back as is. Referrals already paid keep their points.',
  })
  @ApiOkResponse({ type: ReferralProgramViewDto })
  update(
    @Body() body: ReferralProgramDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<ReferralProgramViewDto> {
    return this.program.update(body, auditActorOf(principal));
  }

  @Patch()
  @Roles('marketer')
  @ApiOperation({
    summary: 'Change some referral program settings',
    description:
      'The fields named replace the current ones; the result must be a valid program ' +
      '(400 VALIDATION_FAILED otherwise). Referrals already paid keep their points.',
  })
  @ApiOkResponse({ type: ReferralProgramViewDto })
  async patch(
    @Body() body: ReferralProgramDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<ReferralProgramViewDto> {
    const merged = await mergePatch(ReferralProgramDto, await this.program.get(), body);
    return this.program.update(merged, auditActorOf(principal));
  }
}

@ApiTags('Referrals')
@Controller('v1/referrals')
@Roles()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

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

@ApiTags('Member (own API)')
@Controller('v1/me/referral')
@MemberOnly()
export class MyReferralController {
  constructor(private readonly referrals: ReferralsService) {}

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
