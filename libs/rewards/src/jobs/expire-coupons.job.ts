import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Marks unused coupons and perks past their expiry as expired: one set-based statement per batch.
 * Rows a checkout holds at the moment are skipped and picked up by the next run.
 */
@Injectable()
export class ExpireCouponsJob {
  constructor(private readonly dataSource: DataSource) {}

  async run(now: Date, batchSize = 5000): Promise<{ expired: number }> {
    let expired = 0;
    for (;;) {
      const rows = await this.dataSource.query<{ n: string; scanned: string }[]>(
        `WITH due AS (
           SELECT member_id, id FROM reward_redemptions
           WHERE status = 'active' AND expires_at IS NOT NULL AND expires_at <= $1
           ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
         ), updated AS (
           UPDATE reward_redemptions r SET status = 'expired' FROM due
           WHERE r.member_id = due.member_id AND r.id = due.id AND r.status = 'active'
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM due) AS scanned, (SELECT count(*) FROM updated) AS n`,
        [now, batchSize],
      );
      const row = rows[0];
      expired += Number(row?.n ?? 0);
      if (Number(row?.scanned ?? 0) < batchSize) return { expired };
    }
  }
}
