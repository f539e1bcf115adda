import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrors,
  auditActorOf,
  CurrentPrincipal,
  mergePatch,
  Roles,
  StaffPrincipal,
} from '@vafa/platform';
import {
  CreateEarningRuleDto,
  EarningRuleDto,
  EarningRuleListQuery,
  EarningRulePageDto,
  PatchEarningRuleDto,
  ReplaceEarningRuleDto,
} from './earning-rule.dto';
import { EarningRulesRepository } from './earning-rules.repository';

const NOT_FOUND = { 404: ['EARNING_RULE_NOT_FOUND'] };
const EARNED_STAYS =
  'Points already earned under the rule stay in the ledger; checkouts use the change at once ' +
  '(other server processes within a second).';

@ApiTags('Program configuration')
@Controller('v1/earning-rules')
@Roles('marketer')
export class EarningRulesController {
  constructor(private readonly rules: EarningRulesRepository) {}

  @Post()
  @ApiOperation({
    summary: 'Create an earning rule',
    description:
      'A rule gives points at checkout: points per currency unit, a multiplier on matching lines, or fixed points per order, under optional conditions (channels, stores, tiers, categories, SKUs, minimum order, days of week, validity dates) and a per-member daily limit. `priority` orders rules; a non-stackable rule blocks lower ones.',
  })
  @ApiCreatedResponse({ type: EarningRuleDto })
  create(
    @Body() body: CreateEarningRuleDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<EarningRuleDto> {
    return this.rules.create(body, auditActorOf(principal));
  }

  @Get()
  @ApiOperation({
    summary: 'List earning rules',
    description:
      'Newest first, paginated (`limit`, `cursor`); `active=true|false` filters by state.',
  })
  @ApiOkResponse({ type: EarningRulePageDto, description: 'Newest first' })
  list(@Query() query: EarningRuleListQuery): Promise<EarningRulePageDto> {
    return this.rules.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read an earning rule',
    description: 'The rule as stored; the answer can be sent back with PUT as it is.',
  })
  @ApiOkResponse({ type: EarningRuleDto })
  @ApiErrors(NOT_FOUND)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<EarningRuleDto> {
    return this.rules.get(id);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace an earning rule',
    description: `Replaces the whole rule: omitted optional fields return to their defaults. What GET returns is accepted as it is (id, createdAt and updatedAt are ignored). ${EARNED_STAYS}`,
  })
  @ApiOkResponse({
    type: EarningRuleDto,
    description: 'Replaces the whole rule; points already earned are unchanged',
  })
  @ApiErrors(NOT_FOUND)
  replace(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReplaceEarningRuleDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<EarningRuleDto> {
    return this.rules.replace(id, body, auditActorOf(principal));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change some fields of an earning rule',
    description: `The fields the body names replace the rule's (conditions, effect and limits each as a whole; \`null\` clears an optional one); the result must be a valid rule (400 VALIDATION_FAILED otherwise, nothing changed). \`{"active": false}\` pauses a rule. ${EARNED_STAYS}`,
  })
  @ApiOkResponse({ type: EarningRuleDto, description: 'The rule after the change' })
  @ApiErrors(NOT_FOUND)
  async patch(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PatchEarningRuleDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<EarningRuleDto> {
    const merged = await mergePatch(ReplaceEarningRuleDto, await this.rules.get(id), body);
    return this.rules.replace(id, merged, auditActorOf(principal));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an earning rule',
    description: `The rule stops applying to checkouts. ${EARNED_STAYS} To pause a rule instead, PATCH it with \`{"active": false}\`.`,
  })
  @ApiNoContentResponse({
    description: 'Deleted; points already earned under the rule stay in the ledger',
  })
  @ApiErrors(NOT_FOUND)
  remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<void> {
    return this.rules.remove(id, auditActorOf(principal));
  }
}
