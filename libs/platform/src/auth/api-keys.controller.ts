import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { auditActorOf } from '../audit/audit-actor';
import { ApiErrors } from '../http/api-errors';
import { PageQuery } from '../http/pagination';
import { AdminOnly, CurrentPrincipal } from './access.decorators';
import { ApiKeyDto, ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto';
import { ApiKeysRepository } from './api-keys.repository';
import type { StaffPrincipal } from './principal';

@ApiTags('API keys')
@Controller('v1/api-keys')
@AdminOnly()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysRepository) {}

  @Post()
  @ApiOperation({
    summary: 'Create a staff API key',
    description:
      'Admins create a key for a role (admin, marketer, cashier, integration). A cashier key must name its storeId and acts only for that store. The secret `key` is shown only in this answer; only its hash and prefix are stored.',
  })
  @ApiCreatedResponse({
    type: CreatedApiKeyDto,
    description: 'The key is shown only in this response',
  })
  create(
    @Body() body: CreateApiKeyDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(body, auditActorOf(principal));
  }

  @Get()
  @ApiOperation({
    summary: 'List staff API keys',
    description:
      'Every key, revoked ones included, newest first and paginated (`limit`, `cursor`). The secret is never shown again, only its prefix.',
  })
  @ApiOkResponse({ type: ApiKeyPageDto })
  list(@Query() query: PageQuery): Promise<ApiKeyPageDto> {
    return this.apiKeys.list(query);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a staff API key',
    description:
      'The key stops working at once; the answer is the key with `revokedAt` set. Revoking is final: create a new key to restore access.',
  })
  @ApiOkResponse({ type: ApiKeyDto, description: 'Revoked at once' })
  @ApiErrors({ 404: ['API_KEY_NOT_FOUND'] })
  revoke(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<ApiKeyDto> {
    return this.apiKeys.revoke(id, auditActorOf(principal));
  }
}
