import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '@vafa/platform';
import { NotificationJobRunDto, notificationJobRun } from '@vafa/ledger';
import { BirthdayScheduleJob } from './birthday-schedule.job';

@ApiTags('Members')
@Controller('v1/members/jobs')
export class MemberJobsController {
  constructor(private readonly birthdays: BirthdayScheduleJob) {}

  @Post('birthdays')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send birthday events now',
    description:
      "Runs the hourly job: members whose birthday is today in the program's time zone (those born on 29 February on the 28th in other years) get a `member.birthday` event, once per member and year: a second run, another instance or a restart sends nothing again. `ran: false` when another instance is running it.",
  })
  @ApiOkResponse({ type: NotificationJobRunDto, example: { ran: true, members: 3, sent: 3 } })
  async birthdaysNow(): Promise<NotificationJobRunDto> {
    return notificationJobRun(await this.birthdays.run());
  }
}
