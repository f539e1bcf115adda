import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { netOrdersSql } from './order-revenue.query';
import type { ParetoReportDto } from './insights.dto';

export const PARETO_TOP_PERCENTS = [1, 5, 10, 20, 50];

/** The member shares of the curve, in basis points: 0, 1, 2, 5 %, then every 5 % up to 100 %. */
export const PARETO_CURVE_BASIS_POINTS = [
  0,
  100,
  200,
  ...Array.from({ length: 20 }, (_, i) => (i + 1) * 500),
];

const BASIS_POINTS = 10_000;

interface CutRow {
  basis_points: number;
  members: number;
  revenue: number;
  all_members: number;
  all_revenue: number;
}

/**
 * Members ranked by revenue in the period (net of returns); each cut is the top
 * ceil(members × share) of them. One pass: a running sum over the ranking, read at each cut.
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
    SELECT p.basis_points, ceil(t.members * p.basis_points / ${BASIS_POINTS}.0)::int AS members
    FROM unnest($3::int[]) AS p(basis_points) CROSS JOIN totals t
  )
  SELECT c.basis_points, c.members, coalesce(r.cumulative, 0)::float8 AS revenue,
         t.members AS all_members, t.revenue::float8 AS all_revenue
  FROM cuts c
  CROSS JOIN totals t
  LEFT JOIN ranked r ON r.rank = c.members
  ORDER BY c.basis_points`;

const share = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 1e6) / 1e6 : 0;

@Injectable()
export class ParetoReportQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** Revenue concentration among members who bought in [from, to). */
  async report(from: Date, to: Date): Promise<ParetoReportDto> {
    const cuts = [
      ...new Set([...PARETO_CURVE_BASIS_POINTS, ...PARETO_TOP_PERCENTS.map((p) => p * 100)]),
    ];
    const rows = await this.dataSource.query<CutRow[]>(PARETO_SQL, [from, to, cuts]);
    const first = rows[0];
    const revenue = first?.all_revenue ?? 0;
    const at = (basisPoints: number): CutRow | undefined =>
      rows.find((row) => row.basis_points === basisPoints);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      members: first?.all_members ?? 0,
      revenue,
      buckets: PARETO_TOP_PERCENTS.map((topPercent) => {
        const row = at(topPercent * 100);
        return {
          topPercent,
          members: row?.members ?? 0,
          revenue: row?.revenue ?? 0,
          revenueShare: share(row?.revenue ?? 0, revenue),
        };
      }),
      curve: PARETO_CURVE_BASIS_POINTS.map((basisPoints) => ({
        memberShare: basisPoints / BASIS_POINTS,
        revenueShare: share(at(basisPoints)?.revenue ?? 0, revenue),
      })),
    };
  }
}
