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
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '../http/pagination';
import { Roles } from './access.decorators';
import { ApiKeyDto, ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('API keys')
@Controller('v1/api-keys')
@Roles()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiCreatedResponse({
    type: CreatedApiKeyDto,
    description: 'The key is shown only in this response',
  })
  create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(body);
  }

  @Get()
  @ApiOkResponse({ type: ApiKeyPageDto })
  list(@Query() query: PageQuery): Promise<ApiKeyPageDto> {
    return this.apiKeys.list(query);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyDto, description: 'Revoked at once' })
  revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<ApiKeyDto> {
    return this.apiKeys.revoke(id);
  }
}
