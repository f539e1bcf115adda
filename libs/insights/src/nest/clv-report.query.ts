import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProgramSettingsRepository } from '@vafa/ledger';
import { Clock } from '@vafa/platform';
import { clvHistogram, clvHistogramLayout } from '../clv-histogram';
import { CLV_HORIZON_DAYS, historySizeOf } from './fit-insight-model.usecase';
import { InsightModelEntity } from './insight-model.entity';
import { toInsightModelDto } from './insight-models.query';
import { hasMinimumHistory, minimumHistoryNeeded, recommendation } from './insights.errors';
import type { ClvReportDto } from './clv-report.dto';
import { PurchaseSummariesQuery } from './purchase-summaries.query';

/** Members scored by the model, and the 99th percentile of their CLV (nearest rank). */
const CLV_SPREAD_SQL = `
  SELECT count(*)::int AS members,
         percentile_disc(0.99) WITHIN GROUP (ORDER BY clv) AS p99
  FROM member_insights WHERE model_id = $1 AND clv IS NOT NULL`;

/** Members per bucket of width $2: bucket i holds [i·w, (i+1)·w), the last ($3) the rest. */
const CLV_BUCKETS_SQL = `
  SELECT least(greatest(floor(clv / $2), 0), $3)::int AS bucket, count(*)::int AS members
  FROM member_insights WHERE model_id = $1 AND clv IS NOT NULL
  GROUP BY 1`;

/** The CLV model's status and the distribution of its predictions. */
@Injectable()
export class ClvReportQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly program: ProgramSettingsRepository,
    private readonly summaries: PurchaseSummariesQuery,
    private readonly clock: Clock,
  ) {}

  async report(): Promise<ClvReportDto> {
    const { currency } = await this.program.cached();
    const model = await this.dataSource.getRepository(InsightModelEntity).findOne({
      where: {},
      order: { fittedAt: 'DESC', id: 'DESC' },
    });
    const base = { currency, horizonDays: CLV_HORIZON_DAYS };
    if (!model) {
      // As the next fit would count it: every purchase up to now.
      const size = historySizeOf(await this.summaries.asOf(this.clock.now()));
      const enough = hasMinimumHistory(size);
      return {
        status: enough ? 'not_fitted' : 'insufficient_history',
        need: enough
          ? 'No model has been fitted yet; the history is enough to try: fit one (POST ' +
            '/v1/insights/models/fit) or wait for the nightly refit. ' +
            recommendation(size)
          : minimumHistoryNeeded(size),
        model: null,
        ...base,
        members: 0,
        histogram: [],
      };
    }
    const [spread] = await this.dataSource.query<{ members: number; p99: number | null }[]>(
      CLV_SPREAD_SQL,
      [model.id],
    );
    const members = spread?.members ?? 0;
    let histogram: ClvReportDto['histogram'] = [];
    if (members > 0) {
      const layout = clvHistogramLayout(Number(spread?.p99 ?? 0));
      const counts = await this.dataSource.query<{ bucket: number; members: number }[]>(
        CLV_BUCKETS_SQL,
        [model.id, layout.width, layout.closed],
      );
      histogram = clvHistogram(layout, new Map(counts.map((c) => [c.bucket, c.members])));
    }
    return {
      status: 'fitted',
      need: null,
      model: toInsightModelDto(model),
      ...base,
      members,
      histogram,
    };
  }
}
