import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventOutbox, type EventPayload, inTransaction } from '@vafa/platform';
import type { RewardType } from '../catalog/reward.entity';
import type { CouponExpiredEventData } from '../events/reward-events.dto';

interface ExpiredRow {
  member_id: string;
  id: string;
  reward_id: string;
  reward_name: string;
  reward_type: RewardType;
  code: string | null;
  /** As JSON renders a timestamptz. */
  expires_at: string;
}

/**
 * Marks unused coupons and perks past their expiry as expired, one set-based statement per batch,
 * and emits coupon.expired for each in the batch's transaction. A row a checkout holds at the
 * moment is waited for and then skipped if the checkout used it (the UPDATE re-checks the
 * status); no row lock is taken in the read, which Citus allows only on one shard.
 */
@Injectable()
export class ExpireCouponsJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventOutbox,
  ) {}

  async run(now: Date, batchSize = 5000): Promise<{ expired: number }> {
    let expired = 0;
    for (;;) {
      const batch = await inTransaction(this.dataSource, async (manager) => {
        const [row] = await manager.query<{ scanned: number; expired: ExpiredRow[] }[]>(
          `WITH due AS (
             SELECT member_id, id FROM reward_redemptions
             WHERE status = 'active' AND expires_at IS NOT NULL AND expires_at <= $1
             ORDER BY expires_at LIMIT $2
           ), updated AS (
             UPDATE reward_redemptions r SET status = 'expired' FROM due
             WHERE r.member_id = due.member_id AND r.id = due.id AND r.status = 'active'
             RETURNING r.member_id, r.id, r.reward_id, r.reward_name, r.reward_type, r.code, r.expires_at
           )
           SELECT (SELECT count(*) FROM due)::int AS scanned,
                  coalesce((SELECT json_agg(updated ORDER BY member_id, expires_at, id) FROM updated), '[]') AS expired`,
          [now, batchSize],
        );
        const rows = row?.expired ?? [];
        await this.events.emitMany(
          manager,
          rows.map((r) => {
            const data: EventPayload<CouponExpiredEventData> = {
              memberId: r.member_id,
              redemptionId: r.id,
              rewardId: r.reward_id,
              name: r.reward_name,
              type: r.reward_type,
              code: r.code,
              expiredAt: new Date(r.expires_at).toISOString(),
            };
            return { type: 'coupon.expired' as const, memberId: r.member_id, data };
          }),
        );
        return { scanned: row?.scanned ?? 0, expired: rows.length };
      });
      expired += batch.expired;
      if (batch.scanned < batchSize) {
        return { expired };
      }
    }
  }
}
