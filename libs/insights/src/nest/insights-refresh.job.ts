import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { Clock, DomainError, withAdvisoryLock } from '@vafa/platform';
import { FitInsightModelUseCase } from './fit-insight-model.usecase';
import type { InsightModelEntity } from './insight-model.entity';

export const INSIGHTS_LOCK = 'vafa:insights:refresh';

/**
 * Refits the models and rescores every member: nightly, on demand, or with an explicit asOf. An
 * advisory lock makes concurrent refreshes (several instances, or a fit during the nightly run)
 * run one at a time.
 */
@Injectable()
export class InsightsRefreshJob {
  private readonly logger = new Logger(InsightsRefreshJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly fit: FitInsightModelUseCase,
  ) {}

  /** The new model, or null when another refresh holds the lock. */
  async run(asOf: Date = this.clock.now()): Promise<InsightModelEntity | null> {
    const outcome = await withAdvisoryLock(this.dataSource, INSIGHTS_LOCK, () =>
      this.fit.execute(asOf),
    );
    return outcome.ran ? outcome.result : null;
  }

  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: 'insights-refresh' })
  async nightly(): Promise<InsightModelEntity | null> {
    try {
      const model = await this.run();
      if (!model) {
        this.logger.log('insights refresh skipped: another instance is running it');
      }
      return model;
    } catch (error) {
      // Too little history (or a degenerate one) is a normal state for a young program.
      if (error instanceof DomainError && error.status === 422) {
        const code: string = (error as DomainError).code;
        this.logger.warn({ code, details: error.details }, error.message);
        return null;
      }
      throw error;
    }
  }
}
