import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface LiabilityReport {
  /** Points members can spend now (debts of members who owe points are not netted). */
  available: number;
  pending: number;
  /** Points owed by members after returns of points they had spent. */
  owed: number;
  byExpiryMonth: { month: string | null; points: number }[];
  issued: number;
  redeemed: number;
  /** Breakage: points that expired unspent. */
  expired: number;
  adjusted: number;
}

/** Outstanding points and where issued points went, from balances and program postings. */
@Injectable()
export class LiabilityReportService {
  constructor(private readonly dataSource: DataSource) {}

  async report(): Promise<LiabilityReport> {
    const [balances] = await this.dataSource.query<
      { available: string; pending: string; owed: string }[]
    >(
      `SELECT coalesce(sum(greatest(available, 0)), 0) AS available, coalesce(sum(pending), 0) AS pending,
              coalesce(sum(greatest(-available, 0)), 0) AS owed FROM ledger_accounts`,
    );
    const months = await this.dataSource.query<{ month: string | null; points: string }[]>(
      `SELECT to_char(date_trunc('month', expires_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, sum(remaining) AS points
       FROM ledger_lots WHERE remaining > 0 GROUP BY 1 ORDER BY 1 NULLS LAST`,
    );
    const program = await this.dataSource.query<{ account: string; total: string }[]>(
      `SELECT account, sum(amount) AS total FROM ledger_postings WHERE account LIKE 'program:%' GROUP BY account`,
    );
    const of = (account: string): number =>
      Number(program.find((p) => p.account === account)?.total ?? 0);
    return {
      available: Number(balances?.available ?? 0),
      pending: Number(balances?.pending ?? 0),
      owed: Number(balances?.owed ?? 0),
      byExpiryMonth: months.map((m) => ({ month: m.month, points: Number(m.points) })),
      issued: -of('program:issued'),
      redeemed: of('program:redeemed'),
      expired: of('program:expired'),
      adjusted: -of('program:adjusted'),
    };
  }
}
