import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@vafa/platform';
import {
  CreateEarningRuleDto,
  EarningRuleDto,
  EarningRuleListQuery,
  EarningRulePageDto,
  ReplaceEarningRuleDto,
} from './earning-rule.dto';
import { EarningRulesService } from './earning-rules.service';

const NOT_FOUND = { description: 'EARNING_RULE_NOT_FOUND' };
const INVALID = {
  description:
    'VALIDATION_FAILED: unknown or malformed fields, no effect, validUntil not after validFrom',
};

@ApiTags('Program configuration')
@Controller('v1/earning-rules')
@Roles('marketer')
export class EarningRulesController {
  constructor(private readonly rules: EarningRulesService) {}

  @Post()
  @ApiCreatedResponse({ type: EarningRuleDto })
  @ApiBadRequestResponse(INVALID)
  create(@Body() body: CreateEarningRuleDto): Promise<EarningRuleDto> {
    return this.rules.create(body);
  }

  @Get()
  @ApiOkResponse({ type: EarningRulePageDto, description: 'Newest first' })
  list(@Query() query: EarningRuleListQuery): Promise<EarningRulePageDto> {
    return this.rules.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: EarningRuleDto })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<EarningRuleDto> {
    return this.rules.get(id);
  }

  @Put(':id')
  @ApiOkResponse({
    type: EarningRuleDto,
    description: 'Replaces the whole rule; points already earned are unchanged',
  })
  @ApiBadRequestResponse(INVALID)
  @ApiNotFoundResponse(NOT_FOUND)
  replace(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReplaceEarningRuleDto,
  ): Promise<EarningRuleDto> {
    return this.rules.replace(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Deleted; points already earned under the rule stay in the ledger',
  })
  @ApiNotFoundResponse(NOT_FOUND)
  remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.rules.remove(id);
  }
}
