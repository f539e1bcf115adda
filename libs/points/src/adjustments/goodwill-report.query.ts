import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, groupDaysByMonth, reportPeriod } from '@vafa/platform';
import { GOODWILL_GRANTS, ProgramSettingsRepository } from '@vafa/ledger';
import type { GoodwillReportDto, GoodwillReportParamsDto } from './goodwill-report.dto';

/** Goodwill granted, and how members who received it bought before and after (a first look). */
@Injectable()
export class GoodwillReportQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly program: ProgramSettingsRepository,
  ) {}

  async report(query: GoodwillReportParamsDto): Promise<GoodwillReportDto> {
    const now = this.clock.now();
    // By default up to and including now (the bound is exclusive).
    const { from, to } = reportPeriod(query, new Date(now.getTime() + 1));
    const windowDays = query.windowDays ?? 30;
    const calendar = query.calendar ?? 'gregorian';
    const { timeZone } = await this.program.cached();
    const grants = `FROM (${GOODWILL_GRANTS}) gw WHERE occurred_at >= $1 AND occurred_at < $2`;
    // By the day in the program's time zone, with the day's members, so that a month made of
    // days counts a member once.
    const byDay = await this.dataSource.query<
      { day: string; grants: number; member_ids: string[]; points: string }[]
    >(
      `SELECT to_char((occurred_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day, count(*)::int AS grants,
              array_agg(DISTINCT member_id) AS member_ids, sum(points) AS points
       ${grants} GROUP BY 1 ORDER BY 1`,
      [from, to, timeZone],
    );
    const byTicket = await this.dataSource.query<
      { ticket_id: string | null; grants: number; points: string }[]
    >(
      `SELECT ticket_id, count(*)::int AS grants, sum(points) AS points ${grants}
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
      [from, to, windowDays, now],
    );
    const n = (v: string | undefined): number => Number(v ?? 0);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      calendar,
      byMonth: groupDaysByMonth(byDay, calendar, timeZone).map(({ month, start, rows }) => ({
        month,
        start,
        grants: rows.reduce((sum, row) => sum + row.grants, 0),
        members: new Set(rows.flatMap((row) => row.member_ids)).size,
        points: rows.reduce((sum, row) => sum + Number(row.points), 0),
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
