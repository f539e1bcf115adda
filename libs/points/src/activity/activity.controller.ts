import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CurrentPrincipal,
  MemberOnly,
  MemberPrincipal,
  Page,
  PageQuery,
  Roles,
} from '@vafa/platform';
import { ActivityEntry, LedgerQueries } from '@vafa/ledger';
import { MembersService } from '@vafa/members';

const ACTIVITY_EXAMPLE = {
  items: [
    {
      id: '2b1f...',
      type: 'earn',
      points: 40,
      occurredAt: '2026-11-24T10:00:00.000Z',
      description: 'Earned 40 points on order o-1: Base: 1 point per dollar, Double on coffee',
      reason: null,
      reference: { orderId: 'o-1' },
    },
  ],
  nextCursor: null,
};

@ApiTags('Members')
@Controller('v1/members/:id/activity')
export class MemberActivityController {
  constructor(
    private readonly members: MembersService,
    private readonly ledger: LedgerQueries,
  ) {}

  @Get()
  @Roles('marketer', 'integration')
  @ApiOkResponse({ schema: { example: ACTIVITY_EXAMPLE }, description: 'Newest first' })
  async list(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<ActivityEntry>> {
    await this.members.get(id);
    return this.ledger.activity(id, query);
  }
}

@ApiTags('Member (own API)')
@Controller('v1/me/activity')
@MemberOnly()
export class MyActivityController {
  constructor(private readonly ledger: LedgerQueries) {}

  @Get()
  @ApiOkResponse({
    schema: { example: ACTIVITY_EXAMPLE },
    description: 'Newest first, each entry saying why',
  })
  list(
    @CurrentPrincipal() principal: MemberPrincipal,
    @Query() query: PageQuery,
  ): Promise<Page<ActivityEntry>> {
    return this.ledger.activity(principal.memberId, query);
  }
}
