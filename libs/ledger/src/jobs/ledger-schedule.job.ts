import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { Clock, withAdvisoryLock } from '@vafa/platform';
import { ExpireLotsJob } from './expire-lots.job';
import { ReleasePendingJob } from './release-pending.job';
import { RemindExpiringJob } from './remind-expiring.job';

/** Runs the ledger's jobs on a schedule; an advisory lock makes several instances run each once. */
@Injectable()
export class LedgerScheduleJob {
  private readonly logger = new Logger(LedgerScheduleJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly release: ReleasePendingJob,
    private readonly expire: ExpireLotsJob,
    private readonly remind: RemindExpiringJob,
  ) {}

  @Cron(CronExpression.EVERY_10_MINUTES, { name: 'ledger-release-pending' })
  async releasePending(): Promise<{ members: number; points: number } | null> {
    const outcome = await withAdvisoryLock(this.dataSource, 'vafa:ledger:release', () =>
      this.release.run(this.clock.now()),
    );
    if (outcome.ran) {
      this.logger.log({ ...outcome.result }, 'pending points released');
    }
    return outcome.ran ? outcome.result : null;
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'ledger-expire-lots' })
  async expireLots(): Promise<{ members: number; points: number } | null> {
    const outcome = await withAdvisoryLock(this.dataSource, 'vafa:ledger:expire', async () => {
      // Points that became available now may also be past their expiry: release first.
      await this.release.run(this.clock.now());
      return this.expire.run(this.clock.now());
    });
    if (outcome.ran) {
      this.logger.log({ ...outcome.result }, 'points expired');
    }
    return outcome.ran ? outcome.result : null;
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'ledger-remind-expiring' })
  async remindExpiring(): Promise<{ members: number; sent: number } | null> {
    const outcome = await withAdvisoryLock(this.dataSource, 'vafa:ledger:remind-expiring', () =>
      this.remind.run(this.clock.now()),
    );
    if (outcome.ran) {
      this.logger.log({ ...outcome.result }, 'expiring points reminded');
    }
    return outcome.ran ? outcome.result : null;
  }
}
