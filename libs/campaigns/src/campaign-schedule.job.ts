import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CronExpressionParser } from 'cron-parser';
import { DataSource } from 'typeorm';
import { Clock, withAdvisoryLock } from '@vafa/platform';
import { ProgramSettingsRepository } from '@vafa/ledger';
import { RunCampaignUseCase } from './run-campaign.usecase';

/**
 * Runs scheduled campaigns when their cron time has come (once per fire time, across
 * instances), and the built-in birthday job: campaigns for `birthday_today` without a schedule
 * run every morning.
 */
@Injectable()
export class CampaignScheduleJob {
  private readonly logger = new Logger(CampaignScheduleJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: RunCampaignUseCase,
    private readonly program: ProgramSettingsRepository,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'campaigns-scheduled' })
  async tick(): Promise<void> {
    await this.runDue();
  }

  /** Runs every active scheduled campaign whose latest fire time has not been run yet. */
  async runDue(): Promise<string[]> {
    const outcome = await withAdvisoryLock(this.dataSource, 'vafa:campaigns:schedule', async () => {
      const now = this.clock.now();
      const { timeZone } = await this.program.get();
      const campaigns = await this.dataSource.query<
        { id: string; schedule: string; last_scheduled_at: Date | null; created_at: Date }[]
      >(
        `SELECT id, schedule, last_scheduled_at, created_at FROM campaigns
         WHERE active AND schedule IS NOT NULL AND (active_from IS NULL OR active_from <= $1) AND (active_until IS NULL OR active_until > $1)`,
        [now],
      );
      const ran: string[] = [];
      for (const c of campaigns) {
        const fire = CronExpressionParser.parse(c.schedule, { currentDate: now, tz: timeZone })
          .prev()
          .toDate();
        if (fire <= (c.last_scheduled_at ?? c.created_at)) {
          continue;
        }
        await this.dataSource.query('UPDATE campaigns SET last_scheduled_at = $2 WHERE id = $1', [
          c.id,
          fire,
        ]);
        await this.runner
          .run(c.id, { trigger: 'schedule' })
          .catch((error: unknown) =>
            this.logger.error({ err: error, campaignId: c.id }, 'scheduled run failed'),
          );
        ran.push(c.id);
      }
      return ran;
    });
    return outcome.ran ? outcome.result : [];
  }

  @Cron(CronExpression.EVERY_DAY_AT_9AM, { name: 'campaigns-birthdays' })
  async birthdays(): Promise<string[]> {
    const outcome = await withAdvisoryLock(
      this.dataSource,
      'vafa:campaigns:birthdays',
      async () => {
        const campaigns = await this.dataSource.query<{ id: string }[]>(
          `SELECT id FROM campaigns WHERE active AND schedule IS NULL AND audience @> '[{"segment": "birthday_today"}]'`,
        );
        for (const c of campaigns) {
          await this.runner.run(c.id, { trigger: 'birthday' });
        }
        return campaigns.map((c) => c.id);
      },
    );
    return outcome.ran ? outcome.result : [];
  }
}
