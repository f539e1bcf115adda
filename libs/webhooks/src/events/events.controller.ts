import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, Roles } from '@vafa/platform';
import { DeleteOldEventsResultDto, EventListQuery, EventPageDto } from './event.dto';
import { EventsQuery } from './events.query';
import { WebhooksScheduleJob } from './webhooks-schedule.job';

@ApiTags('Events')
@Controller('v1/events')
export class EventsController {
  constructor(
    private readonly events: EventsQuery,
    private readonly scheduler: WebhooksScheduleJob,
  ) {}

  @Get()
  @Roles('integration')
  @ApiOperation({
    summary: 'List events, oldest first',
    description:
      'Every event of the catalog as webhooks deliver it ({id, type, timestamp, data}), oldest ' +
      'first so a receiver that was down catches up in order; `type` filters, `since` starts ' +
      'at an instant. Events are kept at least 30 days (VAFA_EVENT_RETENTION_DAYS). An event ' +
      'is listed once every transaction that began before its own has ended (usually at ' +
      'once), so paging never skips one that committed late.',
  })
  @ApiOkResponse({ type: EventPageDto })
  list(@Query() query: EventListQuery): Promise<EventPageDto> {
    return this.events.list(query);
  }

  @Post('jobs/delete-old')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Delete old events now',
    description:
      'Runs the daily job on demand: events written more than VAFA_EVENT_RETENTION_DAYS ' +
      '(default 30) ago are deleted with their deliveries. Safe to repeat; `ran` is false ' +
      'when another instance is running it.',
  })
  @ApiOkResponse({ type: DeleteOldEventsResultDto })
  async deleteOld(): Promise<DeleteOldEventsResultDto> {
    const result = await this.scheduler.deleteOldEvents();
    return result ? { ran: true, ...result } : { ran: false };
  }
}
