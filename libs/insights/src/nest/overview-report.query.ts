import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { liabilityValue, LiabilityReportQuery, ProgramSettingsRepository } from '@vafa/ledger';
import { netOrdersSql } from './order-revenue.query';
import type { OverviewReportDto } from './overview-report.dto';
import { addDays } from '@vafa/platform';

const ACTIVE_DAYS = 90;

/** Members at the end of the period, new in it, and active in the 90 days up to its end. */
const MEMBERS_SQL = `
  WITH ${netOrdersSql('o.occurred_at >= $3 AND o.occurred_at < $4')}
  SELECT (SELECT count(*)::int FROM member_profiles WHERE joined_at < $2) AS total,
         (SELECT count(*)::int FROM member_profiles WHERE joined_at >= $1 AND joined_at < $2) AS new,
         (SELECT count(DISTINCT member_id)::int FROM net_orders) AS active`;

/** The dashboard's headline numbers for a period: members, points and the liability. */
@Injectable()
export class OverviewReportQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly liability: LiabilityReportQuery,
    private readonly program: ProgramSettingsRepository,
  ) {}

  async report(from: Date, to: Date, now: Date): Promise<OverviewReportDto> {
    const activeEnd = new Date(Math.min(to.getTime(), now.getTime()));
    const activeStart = addDays(activeEnd, -ACTIVE_DAYS);
    const [members] = await this.dataSource.query<{ total: number; new: number; active: number }[]>(
      MEMBERS_SQL,
      [from, to, activeStart, activeEnd],
    );
    const points = await this.liability.flows({ from, to });
    const outstanding = await this.liability.outstanding();
    const settings = await this.program.cached();
    const value = liabilityValue(outstanding, settings);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      members: {
        total: members?.total ?? 0,
        active: members?.active ?? 0,
        new: members?.new ?? 0,
      },
      points,
      outstanding: {
        available: outstanding.available,
        pending: outstanding.pending,
        value: { currency: value.currency, total: value.total },
      },
    };
  }
}
