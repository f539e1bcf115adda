import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CustomerSummary } from '../customer-summary';
import { netOrdersSql } from './order-revenue.query';

/** What the models and RFM need of one member's purchase history (times in weeks). */
export type MemberPurchaseSummary = Pick<
  CustomerSummary,
  'customerId' | 'frequency' | 'recency' | 'T' | 'monetary' | 'totalSpend' | 'purchaseDays'
>;

interface SummaryRow {
  member_id: string;
  purchase_days: number;
  recency_days: number;
  age_days: number;
  total_spend: number;
  repeat_spend: number;
}

/**
 * Per-member summaries under the BTYD convention (see summarizeCustomers), for every member at
 * once: purchases merged per UTC day, frequency = purchase days - 1, recency and T from the first
 * purchase day, monetary = mean value of the repeat purchase days.
 */
const SUMMARIES_SQL = `
  WITH ${netOrdersSql('o.occurred_at <= $1')},
  days AS (
    SELECT member_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, sum(amount) AS amount
    FROM net_orders
    GROUP BY member_id, day
  ),
  marked AS (
    SELECT member_id, day, amount, min(day) OVER (PARTITION BY member_id) AS first_day
    FROM days
  )
  SELECT member_id,
         count(*)::int AS purchase_days,
         (max(day) - min(day))::int AS recency_days,
         (($1::timestamptz AT TIME ZONE 'UTC')::date - min(day))::int AS age_days,
         sum(amount)::float8 AS total_spend,
         coalesce(sum(amount) FILTER (WHERE day <> first_day), 0)::float8 AS repeat_spend
  FROM marked
  GROUP BY member_id
  ORDER BY member_id`;

@Injectable()
export class PurchaseSummariesQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** Every member with a purchase at or before `asOf`, summarised as of that instant. */
  async asOf(asOf: Date): Promise<MemberPurchaseSummary[]> {
    const rows = await this.dataSource.query<SummaryRow[]>(SUMMARIES_SQL, [asOf]);
    return rows.map((row) => {
      const frequency = row.purchase_days - 1;
      return {
        customerId: row.member_id,
        frequency,
        recency: row.recency_days / 7,
        T: row.age_days / 7,
        monetary: frequency > 0 ? row.repeat_spend / frequency : 0,
        totalSpend: row.total_spend,
        purchaseDays: row.purchase_days,
      };
    });
  }
}
