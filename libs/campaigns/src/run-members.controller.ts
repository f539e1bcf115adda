import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { ApiErrors, type Page, Roles } from '@vafa/platform';
import { CSV_BOM, csvRecord } from './csv';
import {
  type RunGroup,
  type RunMemberDto,
  RunMemberPageDto,
  RunMembersExportQuery,
  RunMembersQuery,
} from './run-members.dto';
import { RunMembersExport } from './run-members.query';

const NOT_FOUND = { 404: ['CAMPAIGN_NOT_FOUND', 'RUN_NOT_FOUND'] } as const;

const COLUMNS = [
  'memberId',
  'name',
  'cardNumber',
  'externalId',
  'group',
  'reason',
  'points',
  'assignedAt',
] as const satisfies readonly (keyof RunMemberDto)[];

const CSV_EXAMPLE =
  `${COLUMNS.join(',')}\r\n` +
  '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11,Sara Ahmadi,6037991234567890,crm-1042,treated,,500,2026-11-24T10:00:00.000Z\r\n' +
  '2a9e6b7d-4a53-4d5e-8b9f-6f1e2c116f1c,"Rahimi, Ali",6037990000000017,,skipped,cooldown,0,2026-11-24T10:00:00.000Z\r\n';

async function* csvLines(batches: AsyncGenerator<RunMemberDto[]>): AsyncGenerator<string> {
  yield CSV_BOM + csvRecord([...COLUMNS]);
  for await (const batch of batches) {
    yield batch.map((member) => csvRecord(COLUMNS.map((column) => member[column]))).join('');
  }
}

@ApiTags('Campaigns')
@Controller('v1/campaigns')
@Roles('marketer')
export class RunMembersController {
  constructor(private readonly members: RunMembersExport) {}

  @Get(':id/runs/:runId/members')
  @ApiOperation({
    summary: 'The members of a run',
    description:
      'Who one run of the campaign treated (granted), held out to measure it, or skipped, with ' +
      'the reason for a skip (chance, cooldown, budget, reward_out_of_stock, reward_not_found), ' +
      'the points granted and when; by member id, paginated, optionally one group. A run of ' +
      'another campaign is 404 RUN_NOT_FOUND.',
  })
  @ApiOkResponse({ type: RunMemberPageDto })
  @ApiErrors(NOT_FOUND)
  list(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('runId', new ParseUUIDPipe()) runId: string,
    @Query() query: RunMembersQuery,
  ): Promise<Page<RunMemberDto>> {
    return this.members.page(id, runId, query);
  }

  @Get(':id/runs/:runId/members/export')
  @ApiOperation({
    summary: 'The members of a run as CSV',
    description:
      'Every member of the run (or of one group) as a CSV file to download: RFC 4180, UTF-8 ' +
      'with a byte order mark, the columns of the list in its order. Streamed from the ' +
      'database batch by batch. Text that a spreadsheet would run as a formula (starting with ' +
      '= + - @) is written with a leading apostrophe.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'campaign-<id>-run-<runId>-members.csv, as an attachment',
    content: { 'text/csv': { schema: { type: 'string' }, example: CSV_EXAMPLE } },
  })
  @ApiErrors(NOT_FOUND)
  async export(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('runId', new ParseUUIDPipe()) runId: string,
    @Query() query: RunMembersExportQuery,
  ): Promise<StreamableFile> {
    await this.members.assertRun(id, runId);
    const group: RunGroup | undefined = query.group;
    return new StreamableFile(Readable.from(csvLines(this.members.all(id, runId, group))), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="campaign-${id}-run-${runId}-members.csv"`,
    });
  }
}
