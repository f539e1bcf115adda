import { Body, Controller, Get, Patch, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { auditActorOf, CurrentPrincipal, mergePatch, Roles, StaffPrincipal } from '@vafa/platform';
import { ReferralProgramDto, ReferralProgramViewDto } from './referral-program.dto';
import { ReferralProgramRepository } from './referral-program.repository';

@ApiTags('Referrals')
@Controller('v1/referral-program')
export class ReferralProgramController {
  constructor(private readonly program: ReferralProgramRepository) {}

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
