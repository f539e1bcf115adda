import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { AuditEntryPageDto, AuditLogQuery } from './audit-log.dto';
import { AuditLogReads } from './audit-log.query';

@ApiTags('Audit log')
@Controller('v1/audit-log')
export class AuditLogController {
  constructor(private readonly reader: AuditLogReads) {}

  @Get()
  @Roles('marketer')
  @ApiOperation({
    summary: 'Read the audit log of configuration changes',
    description:
      'Every change to the program settings, earning rules, tiers, rewards, the referral ' +
      'program, campaigns, API keys, staff users and manual tier assignments, written in the ' +
      'same transaction as the change: when, who (an API key, a staff user or the system), ' +
      'what (create, update, delete, assign, revoke), which resource, and the resource before ' +
      'and after as its GET shows it. Secrets (keys, passwords, hashes, tokens) never appear. ' +
      'Newest first, paginated; filter by `resourceType` and `resourceId`, `actorId`, and ' +
      '`from` (inclusive) and `to` (exclusive). A `from` not before `to` is 400.',
  })
  @ApiOkResponse({ type: AuditEntryPageDto, description: 'Newest first' })
  list(@Query() query: AuditLogQuery): Promise<AuditEntryPageDto> {
    return this.reader.list(query);
  }
}
