import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, auditActorOf, CurrentPrincipal, Roles, StaffPrincipal } from '@vafa/platform';
import { AssignTierDto, TierAssignmentDto } from './tier-assignment.dto';
import { TierAssignmentUseCase } from './tier-assignment.usecase';

@ApiTags('Members')
@Controller('v1/members/:id/tier')
export class MemberTierController {
  constructor(private readonly assignments: TierAssignmentUseCase) {}

  @Put()
  @Roles('marketer')
  @ApiOperation({
    summary: 'Assign a tier by hand',
    description:
      "Puts the member in `tierCode` at once (a status match, a service recovery, or moving members off a tier before deleting it). For `holdDays` the nightly re-evaluation will not move them down, and its grace period starts only after the hold; a checkout may still upgrade them above it (which ends the hold). Recorded in the member's activity: staff see the reason, the previous tier and the key; the member sees only their new tier.",
  })
  @ApiOkResponse({ type: TierAssignmentDto })
  @ApiErrors({ 404: ['MEMBER_NOT_FOUND'], 422: ['TIER_NOT_FOUND'] })
  assign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AssignTierDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<TierAssignmentDto> {
    return this.assignments.assign(id, body, principal.keyId, auditActorOf(principal));
  }
}
