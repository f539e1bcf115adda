import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  CurrentPrincipal,
  MemberOnly,
  MemberPrincipal,
  PageQuery,
  Roles,
} from '@vafa/platform';
import { LedgerQuery } from '@vafa/ledger';
import { MembersRepository } from '@vafa/members';
import { MemberActivityPageDto, StaffActivityPageDto } from './activity.dto';
import { toMemberActivity } from './member-activity';

@ApiTags('Members')
@Controller('v1/members/:id/activity')
export class MemberActivityController {
  constructor(
    private readonly members: MembersRepository,
    private readonly ledger: LedgerQuery,
  ) {}

  @Get()
  @Roles('marketer', 'integration')
  @ApiOperation({
    summary: "A member's history, for staff",
    description:
      'Newest first. Every entry as written, with internal detail in `reference`: the staff key that acted (`grantedBy`, `changedBy`, `assignedBy`), notes, reasons, and which profile fields a change touched.',
  })
  @ApiOkResponse({ type: StaffActivityPageDto })
  @ApiErrors({ 404: ['MEMBER_NOT_FOUND'] })
  async list(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
  ): Promise<StaffActivityPageDto> {
    await this.members.get(id);
    return this.ledger.activity(id, query);
  }
}

@ApiTags('Member (own API)')
@Controller('v1/me/activity')
@MemberOnly()
export class MyActivityController {
  constructor(private readonly ledger: LedgerQuery) {}

  @Get()
  @ApiOperation({
    summary: 'My history',
    description:
      'Newest first, each entry saying why in words meant for the member: no staff key ids, staff notes or internal reasons.',
  })
  @ApiOkResponse({ type: MemberActivityPageDto })
  async list(
    @CurrentPrincipal() principal: MemberPrincipal,
    @Query() query: PageQuery,
  ): Promise<MemberActivityPageDto> {
    const page = await this.ledger.activity(principal.memberId, query);
    return { items: page.items.map(toMemberActivity), nextCursor: page.nextCursor };
  }
}
