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
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { PageQuery } from '../http/pagination';
import { AdminOnly, CurrentPrincipal } from './access.decorators';
import type { StaffPrincipal } from './principal';
import {
  CreateStaffUserDto,
  PatchStaffUserDto,
  StaffUserDto,
  StaffUserPageDto,
} from './staff-user.dto';
import { StaffUsersRepository } from './staff-users.repository';

const NOT_FOUND = { 404: ['STAFF_USER_NOT_FOUND'] } as const;

@ApiTags('Staff users')
@Controller('v1/staff-users')
@AdminOnly()
export class StaffUsersController {
  constructor(private readonly users: StaffUsersRepository) {}

  @Post()
  @ApiOperation({
    summary: 'Create a staff user',
    description:
      'A person who signs in to the console (POST /v1/auth/session) with an email and password, in a role as for API keys (admin, marketer, cashier, integration); a cashier must name its storeId. The email is unique in any case and stored in lower case; the password (at least 12 characters) is kept only as an argon2id hash and never shown.',
  })
  @ApiCreatedResponse({ type: StaffUserDto })
  @ApiErrors({ 409: ['STAFF_USER_EXISTS'] })
  create(
    @Body() body: CreateStaffUserDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<StaffUserDto> {
    return this.users.create(body, principal);
  }

  @Get()
  @ApiOperation({
    summary: 'List staff users',
    description:
      'Every staff user, disabled ones included, newest first and paginated (`limit`, `cursor`).',
  })
  @ApiOkResponse({ type: StaffUserPageDto })
  list(@Query() query: PageQuery): Promise<StaffUserPageDto> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a staff user',
    description: 'One staff user, without their password.',
  })
  @ApiOkResponse({ type: StaffUserDto })
  @ApiErrors(NOT_FOUND)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<StaffUserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a staff user',
    description:
      'Changes the fields given: name, role, storeId (null unbinds; a cashier must keep one), disabled, password. Disabling a user or setting a new password ends their sessions at once; a new role or store applies from their next request. The last enabled admin user cannot be disabled or given another role (409 LAST_ADMIN).',
  })
  @ApiOkResponse({ type: StaffUserDto })
  @ApiErrors({ ...NOT_FOUND, 409: ['LAST_ADMIN'] })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PatchStaffUserDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<StaffUserDto> {
    return this.users.update(id, body, principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a staff user',
    description:
      'Removes the user and ends their sessions at once. The last enabled admin user cannot be deleted (409 LAST_ADMIN).',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors({ ...NOT_FOUND, 409: ['LAST_ADMIN'] })
  remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<void> {
    return this.users.remove(id, principal);
  }
}
