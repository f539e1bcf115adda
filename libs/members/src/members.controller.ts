import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MemberTokensService, Roles } from '@vafa/platform';
import {
  CreateMemberDto,
  MemberDto,
  MemberLookupQuery,
  MemberPageDto,
  MemberTokenDto,
} from './member.dto';
import { MemberViewRegistry } from './member-view.registry';
import { MembersService, toMemberDto } from './members.service';

@ApiTags('Members')
@Controller('v1/members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly tokens: MemberTokensService,
    private readonly views: MemberViewRegistry,
  ) {}

  @Post()
  @Roles('marketer', 'integration', 'cashier')
  @ApiCreatedResponse({ type: MemberDto })
  async create(@Body() body: CreateMemberDto): Promise<MemberDto> {
    return this.withContributions(toMemberDto(await this.members.create(body)));
  }

  @Get()
  @Roles('marketer', 'integration', 'cashier')
  @ApiOkResponse({
    type: MemberPageDto,
    description: 'Look up by phone, email, card number or external id',
  })
  search(@Query() query: MemberLookupQuery): Promise<MemberPageDto> {
    return this.members.search(query);
  }

  @Get(':id')
  @Roles('marketer', 'integration', 'cashier')
  @ApiOkResponse({ type: MemberDto })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<MemberDto> {
    return this.withContributions(toMemberDto(await this.members.get(id)));
  }

  @Post(':id/tokens')
  @Roles('integration')
  @ApiCreatedResponse({
    type: MemberTokenDto,
    description: "A token for the member's own API (/v1/me)",
  })
  async issueToken(@Param('id', new ParseUUIDPipe()) id: string): Promise<MemberTokenDto> {
    await this.members.get(id);
    return this.tokens.issue(id);
  }

  private async withContributions(member: MemberDto): Promise<MemberDto> {
    return (await this.views.build(
      member.id,
      member as unknown as Record<string, unknown>,
    )) as unknown as MemberDto;
  }
}
