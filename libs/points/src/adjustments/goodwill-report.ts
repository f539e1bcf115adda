import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Clock, Roles } from '@vafa/platform';
import { GoodwillReportDto } from './goodwill-report.dto';

class GoodwillReportQuery {
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    example: 30,
    description: 'Days before and after each first grant to compare',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  windowDays?: number;
}

/** Goodwill granted, and how members who received it bought before and after (a first look). */
@Injectable()
export class GoodwillReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async report(query: GoodwillReportQuery): Promise<GoodwillReportDto> {
    // By default up to and including now (the bound is exclusive).
    const to = query.to ? new Date(query.to) : new Date(this.clock.now().getTime() + 1);
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 365 * 86_400_000);
    const windowDays = query.windowDays ?? 30;
    const grants = `FROM ledger_transactions WHERE kind = 'adjust' AND reason = 'goodwill' AND points > 0
                    AND occurred_at >= $1 AND occurred_at < $2`;
    const byMonth = await this.dataSource.query<
      { month: string; grants: number; members: number; points: string }[]
    >(
      `SELECT to_char(date_trunc('month', occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, count(*)::int AS grants,
              count(DISTINCT member_id)::int AS members, sum(points) AS points ${grants} GROUP BY 1 ORDER BY 1`,
      [from, to],
    );
    const byTicket = await this.dataSource.query<
      { ticket_id: string | null; grants: number; points: string }[]
    >(
      `SELECT reference->>'ticketId' AS ticket_id, count(*)::int AS grants, sum(points) AS points ${grants}
       GROUP BY 1 ORDER BY sum(points) DESC LIMIT 200`,
      [from, to],
    );
    const [effect] = await this.dataSource.query<Record<string, string>[]>(
      `WITH first_grant AS (SELECT member_id, min(occurred_at) AS at ${grants} GROUP BY member_id)
       SELECT count(*) AS members,
              count(*) FILTER (WHERE g.at + make_interval(days => $3) <= $4) AS observed,
              coalesce(sum(b.orders) FILTER (WHERE g.at + make_interval(days => $3) <= $4), 0) AS orders_before,
              coalesce(sum(a.orders) FILTER (WHERE g.at + make_interval(days => $3) <= $4), 0) AS orders_after,
              coalesce(sum(b.spend) FILTER (WHERE g.at + make_interval(days => $3) <= $4), 0) AS spend_before,
              coalesce(sum(a.spend) FILTER (WHERE g.at + make_interval(days => $3) <= $4), 0) AS spend_after
       FROM first_grant g
       CROSS JOIN LATERAL (SELECT count(*) AS orders, coalesce(sum(total), 0) AS spend FROM orders o
                           WHERE o.member_id = g.member_id AND o.occurred_at >= g.at - make_interval(days => $3) AND o.occurred_at < g.at) b
       CROSS JOIN LATERAL (SELECT count(*) AS orders, coalesce(sum(total), 0) AS spend FROM orders o
                           WHERE o.member_id = g.member_id AND o.occurred_at > g.at AND o.occurred_at <= g.at + make_interval(days => $3)) a`,
      [from, to, windowDays, this.clock.now()],
    );
    const n = (v: string | undefined): number => Number(v ?? 0);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      byMonth: byMonth.map((m) => ({
        month: m.month,
        grants: m.grants,
        members: m.members,
        points: Number(m.points),
      })),
      byTicket: byTicket.map((t) => ({
        ticketId: t.ticket_id,
        grants: t.grants,
        points: Number(t.points),
      })),
      effect: {
        windowDays,
        members: n(effect?.members),
        // Only members whose after-window has fully passed are compared.
        observedMembers: n(effect?.observed),
        ordersBefore: n(effect?.orders_before),
        ordersAfter: n(effect?.orders_after),
        spendBefore: n(effect?.spend_before),
        spendAfter: n(effect?.spend_after),
      },
    };
  }
}

@ApiTags('Insights and reports')
@Controller('v1/reports/goodwill')
export class GoodwillReportController {
  constructor(private readonly reports: GoodwillReportService) {}

  @Get()
  @Roles('marketer')
  @ApiOperation({
    summary: 'Goodwill granted, and what followed',
    description:
      'Goodwill adjustments in [from, to) (default: the year up to now) by month and by support ticket, and a first look at their effect: orders and spend of the members in the `windowDays` before and after their first grant, for members whose after-window has passed. Read-only; for marketers.',
  })
  @ApiOkResponse({ type: GoodwillReportDto })
  report(@Query() query: GoodwillReportQuery): Promise<GoodwillReportDto> {
    return this.reports.report(query);
  }
}
