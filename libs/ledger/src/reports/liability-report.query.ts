import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { groupDaysByMonth, type ReportCalendar } from '@vafa/platform';
import type { Balance } from '../balance';
import { ProgramSettingsRepository } from '../program/program-settings.repository';

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
  value: Balance & { currency: string; total: number };
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

/** Outstanding points in money at the program's redemption value, in minor units. */
export function liabilityValue(
  points: Balance,
  settings: { currency: string; redemptionPoints: number; redemptionValue: number },
): LiabilityReport['value'] {
  return {
    currency: settings.currency,
    available: pointsValue(points.available, settings),
    pending: pointsValue(points.pending, settings),
    total: pointsValue(points.available + points.pending, settings),
  };
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

/** Points members hold now: spendable, pending, and owed after returns of spent points. */
export interface OutstandingPoints extends Balance {
  owed: number;
}

/** Where points went, from the program's postings, each signed as a positive flow. */
export interface ProgramFlows {
  issued: number;
  redeemed: number;
  expired: number;
  adjusted: number;
}

/** Outstanding points and where issued points went, from balances and program postings. */
@Injectable()
export class LiabilityReportQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly program: ProgramSettingsRepository,
  ) {}

  async report(calendar: ReportCalendar = 'gregorian'): Promise<LiabilityReport> {
    const settings = await this.program.get();
    const outstanding = await this.outstanding();
    // By the day in the program's time zone; the calendar's months are made of days below.
    const days = await this.dataSource.query<{ day: string | null; points: string }[]>(
      `SELECT to_char((expires_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day, sum(remaining) AS points
       FROM ledger_lots WHERE remaining > 0 GROUP BY 1 ORDER BY 1 NULLS LAST`,
      [settings.timeZone],
    );
    const flows = await this.flows();
    return {
      ...outstanding,
      calendar,
      byExpiryMonth: expiryMonths(days, calendar, settings.timeZone),
      ...flows,
      value: liabilityValue(outstanding, settings),
      breakageRate: breakageRate(flows.expired, flows.redeemed),
    };
  }

  /** Points members hold now (debts of members who owe points are not netted). */
  async outstanding(): Promise<OutstandingPoints> {
    const [balances] = await this.dataSource.query<
      { available: string; pending: string; owed: string }[]
    >(
      `SELECT coalesce(sum(greatest(available, 0)), 0) AS available, coalesce(sum(pending), 0) AS pending,
              coalesce(sum(greatest(-available, 0)), 0) AS owed FROM ledger_accounts`,
    );
    return {
      available: Number(balances?.available ?? 0),
      pending: Number(balances?.pending ?? 0),
      owed: Number(balances?.owed ?? 0),
    };
  }

  /**
   * Points issued, redeemed, expired and adjusted (net of reversals, as the postings are), in
   * all time or in the transactions that occurred in [from, to).
   */
  async flows(period?: { from: Date; to: Date }): Promise<ProgramFlows> {
    const program = period
      ? await this.dataSource.query<{ account: string; total: string }[]>(
          `SELECT p.account, sum(p.amount) AS total
           FROM ledger_postings p
           JOIN ledger_transactions t ON t.member_id = p.member_id AND t.id = p.transaction_id
           WHERE p.account LIKE 'program:%' AND t.occurred_at >= $1 AND t.occurred_at < $2
           GROUP BY p.account`,
          [period.from, period.to],
        )
      : await this.dataSource.query<{ account: string; total: string }[]>(
          `SELECT account, sum(amount) AS total FROM ledger_postings WHERE account LIKE 'program:%' GROUP BY account`,
        );
    const of = (account: string): number =>
      Number(program.find((p) => p.account === account)?.total ?? 0);
    return {
      issued: -of('program:issued'),
      redeemed: of('program:redeemed'),
      expired: of('program:expired'),
      adjusted: -of('program:adjusted'),
    };
  }
}
