import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { netOrdersSql } from './order-revenue.sql';
import type { ParetoReportDto } from './insights.dto';

export const PARETO_TOP_PERCENTS = [1, 5, 10, 20, 50];

interface BucketRow {
  top_percent: number;
  members: number;
  revenue: number;
  all_members: number;
  all_revenue: number;
}

/**
 * Members ranked by revenue in the period (net of returns); each bucket is the top
 * ceil(members × p / 100) of them. One pass: a running sum over the ranking, read at each cut.
 */
const PARETO_SQL = `
  WITH ${netOrdersSql('o.occurred_at >= $1 AND o.occurred_at < $2')},
  member_revenue AS (
    SELECT member_id, sum(amount) AS revenue FROM net_orders GROUP BY member_id
  ),
  totals AS (
    SELECT count(*)::int AS members, coalesce(sum(revenue), 0) AS revenue FROM member_revenue
  ),
  ranked AS (
    SELECT row_number() OVER w AS rank, sum(revenue) OVER w AS cumulative
    FROM member_revenue
    WINDOW w AS (ORDER BY revenue DESC, member_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
  ),
  cuts AS (
    SELECT p.top_percent, ceil(t.members * p.top_percent / 100.0)::int AS members
    FROM unnest($3::int[]) AS p(top_percent) CROSS JOIN totals t
  )
  SELECT c.top_percent, c.members, coalesce(r.cumulative, 0)::float8 AS revenue,
         t.members AS all_members, t.revenue::float8 AS all_revenue
  FROM cuts c
  CROSS JOIN totals t
  LEFT JOIN ranked r ON r.rank = c.members
  ORDER BY c.top_percent`;

const share = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 1e6) / 1e6 : 0;

@Injectable()
export class ParetoReportService {
  constructor(private readonly dataSource: DataSource) {}

  /** Revenue concentration among members who bought in [from, to). */
  async report(from: Date, to: Date): Promise<ParetoReportDto> {
    const rows = await this.dataSource.query<BucketRow[]>(PARETO_SQL, [
      from,
      to,
      PARETO_TOP_PERCENTS,
    ]);
    const first = rows[0];
    const revenue = first?.all_revenue ?? 0;
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      members: first?.all_members ?? 0,
      revenue,
      buckets: rows.map((row) => ({
        topPercent: row.top_percent,
        members: row.members,
        revenue: row.revenue,
        revenueShare: share(row.revenue, revenue),
      })),
    };
  }
}
