import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { Clock, inTransaction, withAdvisoryLock } from '@vafa/platform';
import { ProgramSettingsRepository } from '@vafa/ledger';
import { TierDowngradeWarnings } from './downgrade-warnings.usecase';
import { TierStandingUseCase } from './tier-standing.usecase';

/**
 * The nightly re-evaluation: every member, in batches, by set-based SQL. Safe to run again (a
 * second run finds nothing to change) and on demand. Each batch also warns its members whose
 * downgrade is near, in the transaction that decided their standing.
 */
@Injectable()
export class TierEvaluationJob {
  private readonly logger = new Logger(TierEvaluationJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly standing: TierStandingUseCase,
    private readonly warnings: TierDowngradeWarnings,
    private readonly program: ProgramSettingsRepository,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_DAY_AT_2AM, { name: 'tiers-evaluate' })
  async scheduled(): Promise<void> {
    const outcome = await this.run();
    if (outcome) {
      this.logger.log(outcome, 'tiers re-evaluated');
    }
  }

  async run(
    batchSize = 1000,
  ): Promise<{ members: number; upgraded: number; downgraded: number; warned: number } | null> {
    const outcome = await withAdvisoryLock(this.dataSource, 'vafa:tiers:evaluate', async () => {
      const now = this.clock.now();
      const { tierDowngradeWarningDays, timeZone } = await this.program.get();
      const warning = { warningDays: tierDowngradeWarningDays, timeZone };
      const totals = { members: 0, upgraded: 0, downgraded: 0, warned: 0 };
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const batch = await this.dataSource.query<{ id: string }[]>(
          'SELECT id FROM member_profiles WHERE id > $1 ORDER BY id LIMIT $2',
          [after, batchSize],
        );
        if (batch.length === 0) {
          await this.warnings.prune(this.dataSource.manager, now);
          return totals;
        }
        const ids = batch.map((b) => b.id);
        const result = await inTransaction(this.dataSource, async (manager) => {
          const evaluated = await this.standing.evaluate(manager, ids, now, true);
          const warned = await this.warnings.warn(manager, ids, now, warning);
          return { ...evaluated, warned };
        });
        totals.members += ids.length;
        totals.upgraded += result.upgraded;
        totals.downgraded += result.downgraded;
        totals.warned += result.warned;
        after = ids[ids.length - 1] ?? after;
      }
    });
    return outcome.ran ? outcome.result : null;
  }
}
