import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { Clock, withAdvisoryLock } from '@vafa/platform';
import { BirthdayJob } from './birthday.job';

/**
 * Runs the birthday job every hour, so each member is greeted early on their day in the program's
 * time zone whatever the server's own, and a day missed while the server was down is caught up
 * within it; an advisory lock makes several instances run it once.
 */
@Injectable()
export class BirthdayScheduleJob {
  private readonly logger = new Logger(BirthdayScheduleJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly job: BirthdayJob,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'members-birthdays' })
  async run(): Promise<{ members: number; sent: number } | null> {
    const outcome = await withAdvisoryLock(this.dataSource, 'vafa:members:birthdays', () =>
      this.job.run(this.clock.now()),
    );
    if (outcome.ran && outcome.result.sent > 0) {
      this.logger.log({ ...outcome.result }, 'birthdays sent');
    }
    return outcome.ran ? outcome.result : null;
  }
}
