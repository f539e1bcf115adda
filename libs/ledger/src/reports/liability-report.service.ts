import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { groupDaysByMonth, type ReportCalendar } from '@vafa/platform';
import { ProgramSettingsService } from '../program/program-settings.service';

export interface LiabilityReport {
  /** Points members can spend now (debts of members who owe points are not netted). */
  available: number;
  pending: number;
  /** Points owed by members after returns of points they had spent. */
  owed: number;
  /** The calendar `byExpiryMonth` counts months in, in the program's time zone. */
  calendar: ReportCalendar;
  byExpiryMonth: { month: string | null; start: string | null; points: number }[];
  issued: number;
  redeemed: number;
  /** Breakage: points that expired unspent. */
  expired: number;
  adjusted: number;
  /** The outstanding points in money, at the program's redemption value, in minor units. */
  value: { currency: string; available: number; pending: number; total: number };
  /** expired ÷ (redeemed + expired): the share of settled points that were never spent. */
  breakageRate: number | null;
}

/** Points as money at `redemptionPoints` points = `redemptionValue` minor units, rounded. */
export function pointsValue(
  points: number,
  settings: { redemptionPoints: number; redemptionValue: number },
): number {
  return Math.round((points * settings.redemptionValue) / settings.redemptionPoints);
}

/** Rounded to 4 places; null before any point has been redeemed or has expired. */
export function breakageRate(expired: number, redeemed: number): number | null {
  const settled = expired + redeemed;
  return settled > 0 ? Math.round((expired / settled) * 10_000) / 10_000 : null;
}

/** Points by expiry month, months in order, then the points that never expire (month null). */
function expiryMonths(
  days: { day: string | null; points: string }[],
  calendar: ReportCalendar,
  timeZone: string,
): LiabilityReport['byExpiryMonth'] {
  const dated = days.flatMap((d) => (d.day === null ? [] : [{ day: d.day, points: d.points }]));
  const never = days.find((d) => d.day === null);
  return [
    ...groupDaysByMonth(dated, calendar, timeZone).map(({ month, start, rows }) => ({
      month,
      start,
      points: rows.reduce((sum, row) => sum + Number(row.points), 0),
    })),
    ...(never ? [{ month: null, start: null, points: Number(never.points) }] : []),
  ];
}

/** Outstanding points and where issued points went, from balances and program postings. */
@Injectable()
export class LiabilityReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly program: ProgramSettingsService,
  ) {}

  async report(calendar: ReportCalendar = 'gregorian'): Promise<LiabilityReport> {
    const settings = await this.program.get();
    const [balances] = await this.dataSource.query<
      { available: string; pending: string; owed: string }[]
    >(
      `SELECT coalesce(sum(greatest(available, 0)), 0) AS available, coalesce(sum(pending), 0) AS pending,
              coalesce(sum(greatest(-available, 0)), 0) AS owed FROM ledger_accounts`,
    );
    // By the day in the program's time zone; the calendar's months are made of days below.
    const days = await this.dataSource.query<{ day: string | null; points: string }[]>(
      `SELECT to_char((expires_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day, sum(remaining) AS points
       FROM ledger_lots WHERE remaining > 0 GROUP BY 1 ORDER BY 1 NULLS LAST`,
      [settings.timeZone],
    );
    const program = await this.dataSource.query<{ account: string; total: string }[]>(
      `SELECT account, sum(amount) AS total FROM ledger_postings WHERE account LIKE 'program:%' GROUP BY account`,
    );
    const of = (account: string): number =>
      Number(program.find((p) => p.account === account)?.total ?? 0);
    const available = Number(balances?.available ?? 0);
    const pending = Number(balances?.pending ?? 0);
    const redeemed = of('program:redeemed');
    const expired = of('program:expired');
    return {
      available,
      pending,
      owed: Number(balances?.owed ?? 0),
      calendar,
      byExpiryMonth: expiryMonths(days, calendar, settings.timeZone),
      issued: -of('program:issued'),
      redeemed,
      expired,
      adjusted: -of('program:adjusted'),
      value: {
        currency: settings.currency,
        available: pointsValue(available, settings),
        pending: pointsValue(pending, settings),
        total: pointsValue(available + pending, settings),
      },
      breakageRate: breakageRate(expired, redeemed),
    };
  }
}
