import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { Clock, withAdvisoryLock } from '@vafa/platform';
import { ExpireCouponsJob } from './expire-coupons.job';

/** Runs the rewards jobs on a schedule; an advisory lock makes several instances run each once. */
@Injectable()
export class RewardsScheduleJob {
  private readonly logger = new Logger(RewardsScheduleJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly expire: ExpireCouponsJob,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'rewards-expire-coupons' })
  async expireCoupons(): Promise<{ expired: number } | null> {
    const outcome = await withAdvisoryLock(this.dataSource, 'vafa:rewards:expire-coupons', () =>
      this.expire.run(this.clock.now()),
    );
    if (outcome.ran) {
      this.logger.log({ ...outcome.result }, 'coupons and perks expired');
    }
    return outcome.ran ? outcome.result : null;
  }
}
