import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { addDays, Clock, VafaConfig, withAdvisoryLock } from '@vafa/platform';
import { EventRetentionJob } from './event-retention.job';

/** The daily clean-up of old events; an advisory lock makes several instances run it once. */
@Injectable()
export class WebhooksScheduleJob {
  private readonly logger = new Logger(WebhooksScheduleJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: VafaConfig,
    private readonly retention: EventRetentionJob,
  ) {}

  @Cron(CronExpression.EVERY_DAY_AT_4AM, { name: 'events-retention' })
  async deleteOldEvents(): Promise<{ deleted: number } | null> {
    const olderThan = addDays(this.clock.now(), -this.config.eventRetentionDays);
    const outcome = await withAdvisoryLock(this.dataSource, 'vafa:events:retention', () =>
      this.retention.run(olderThan),
    );
    if (outcome.ran) {
      this.logger.log({ ...outcome.result }, 'old events deleted');
    }
    return outcome.ran ? outcome.result : null;
  }
}
