import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  CurrentPrincipal,
  forbidden,
  MemberTokensRepository,
  Roles,
  StaffPrincipal,
} from '@vafa/platform';
import {
  CreateMemberDto,
  MemberDto,
  MemberLookupQuery,
  MemberPageDto,
  MemberTokenDto,
  UpdateMemberDto,
} from './member.dto';
import { MemberViewSeam } from './member-view.seam';
import { MembersRepository, toMemberDto } from './members.repository';
import type { MemberEntity } from './member.entity';

@ApiTags('Members')
@Controller('v1/members')
export class MembersController {
  constructor(
    private readonly members: MembersRepository,
    private readonly tokens: MemberTokensRepository,
    private readonly views: MemberViewSeam,
  ) {}

  @Post()
  @Roles('marketer', 'integration', 'cashier')
  @ApiOperation({
    summary: 'Enrol a member',
    description:
      'A card number and referral code are generated. The phone is stored as E.164. With a `referralCode` the referral is recorded in the same transaction (422 when the code cannot be used; nothing is written). The answer is the staff view, as GET /v1/members/{id}.',
  })
  @ApiCreatedResponse({ type: MemberDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'PHONE_INVALID'],
    409: ['MEMBER_EXISTS'],
    422: ['REFERRAL_CODE_INVALID', 'REFERRAL_SELF'],
  })
  async create(@Body() body: CreateMemberDto): Promise<MemberDto> {
    return this.staffView(await this.members.create(body));
  }

  @Get()
  @Roles('marketer', 'integration', 'cashier')
  @ApiOperation({
    summary: 'Look up or search members',
    description:
      'By exact phone (normalised), email, card number or external id, and/or `q`: a name containing it (any case), an email or card number starting with it, or the phone it spells (at least 2 characters), and/or `segment`: the members an RFM segment holds by their latest scores (marketers and admins; others 403 FORBIDDEN). Each member comes with `points` and `tier`, read for the whole page at once; `tierProgress` only on GET /v1/members/{id}. Newest first, paginated.',
  })
  @ApiOkResponse({ type: MemberPageDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'PHONE_INVALID'] })
  async search(
    @Query() query: MemberLookupQuery,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<MemberPageDto> {
    // Segments come from insights, which only marketers may read.
    if (
      query.segment !== undefined &&
      principal.role !== 'admin' &&
      principal.role !== 'marketer'
    ) {
      throw forbidden('Filtering members by segment is for marketers and admins.');
    }
    const page = await this.members.search(query);
    const items = await this.views.buildMany(
      page.items as unknown as (Record<string, unknown> & { id: string })[],
    );
    return { items: items as unknown as MemberDto[], nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('marketer', 'integration', 'cashier')
  @ApiOperation({
    summary: 'A member, with points, tier and tier progress',
    description:
      'The staff view: the profile, `points` (available, pending, lifetimeEarned, expiringSoon), `tier` and `tierProgress`, the same numbers the member sees on /v1/me.',
  })
  @ApiOkResponse({ type: MemberDto })
  @ApiErrors({ 404: ['MEMBER_NOT_FOUND'] })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<MemberDto> {
    return this.staffView(await this.members.get(id));
  }

  @Patch(':id')
  @Roles('marketer', 'integration')
  @ApiOperation({
    summary: "Change a member's profile",
    description:
      'Any of name, email, phone, birthDate, externalId; `null` clears one. The phone is normalised as on enrolment. A change is recorded in the member\'s activity: staff see which fields and which key changed them; the member sees a line such as "Your email was updated." Cashiers may not: a changed phone or email moves who can use the card\'s points.',
  })
  @ApiOkResponse({ type: MemberDto })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'PHONE_INVALID'],
    404: ['MEMBER_NOT_FOUND'],
    409: ['MEMBER_EXISTS'],
  })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateMemberDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<MemberDto> {
    return this.staffView(await this.members.update(id, body, principal.keyId));
  }

  @Post(':id/tokens')
  @Roles('integration')
  @ApiOperation({
    summary: 'Issue a member token',
    description:
      "A token for the member's own API (/v1/me), for the shopper's app; it reaches that member's data only.",
  })
  @ApiCreatedResponse({
    type: MemberTokenDto,
    description: "A token for the member's own API (/v1/me)",
  })
  @ApiErrors({ 404: ['MEMBER_NOT_FOUND'] })
  async issueToken(@Param('id', new ParseUUIDPipe()) id: string): Promise<MemberTokenDto> {
    await this.members.get(id);
    return this.tokens.issue(id);
  }

  /** One member as staff see them: what /v1/me shows, and the profile. */
  private async staffView(member: MemberEntity): Promise<MemberDto> {
    const base = { ...toMemberDto(member), tierProgress: null };
    return (await this.views.build(member.id, base)) as unknown as MemberDto;
  }
}
