import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RFM_SEGMENTS } from '../rfm-segments';
import { netOrdersSql } from './order-revenue.query';
import type { SegmentsReportDto } from './segments-report.dto';

/** Members by their latest segment, with their revenue in the period (as the Pareto report). */
const SEGMENTS_SQL = `
  WITH ${netOrdersSql('o.occurred_at >= $1 AND o.occurred_at < $2')},
  member_revenue AS (SELECT member_id, sum(amount) AS revenue FROM net_orders GROUP BY member_id)
  SELECT i.rfm_segment AS segment, count(*)::int AS members,
         coalesce(sum(r.revenue), 0)::float8 AS revenue
  FROM member_insights i
  LEFT JOIN member_revenue r ON r.member_id = i.member_id
  GROUP BY i.rfm_segment`;

/** The latest fitted model: the one every member's scores come from. */
export const LATEST_MODEL_SQL = `
  SELECT id, as_of FROM insight_models ORDER BY fitted_at DESC, id DESC LIMIT 1`;

/** The RFM segment grid: members and revenue per segment. */
@Injectable()
export class SegmentsReportQuery {
  constructor(private readonly dataSource: DataSource) {}

  async report(from: Date, to: Date): Promise<SegmentsReportDto> {
    const [model] = await this.dataSource.query<{ id: string; as_of: Date }[]>(LATEST_MODEL_SQL);
    const rows = await this.dataSource.query<
      { segment: string; members: number; revenue: number }[]
    >(SEGMENTS_SQL, [from, to]);
    const segments = RFM_SEGMENTS.map((segment) => {
      const row = rows.find((r) => r.segment === segment);
      return { segment, members: row?.members ?? 0, revenue: row?.revenue ?? 0 };
    });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      modelId: model?.id ?? null,
      asOf: model?.as_of.toISOString() ?? null,
      members: rows.reduce((sum, r) => sum + r.members, 0),
      segments,
    };
  }
}
