import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, decodeCursor, Page, pageLimit, PageQuery } from '@vafa/platform';
import { LedgerQuery } from '@vafa/ledger';
import { TierLookupQuery } from '@vafa/tiers';
import type { RewardType } from '../catalog/reward.entity';
import { rewardValue } from '../catalog/rewards.repository';
import type { MyRewardDto } from '../redemptions/redemption.dto';

interface Row {
  id: string;
  name: string;
  description: string | null;
  type: RewardType;
  points_cost: number;
  value_amount: string | null;
  value_text: string | null;
  stock_remaining: number | null;
  per_member_limit: number | null;
  valid_days: number | null;
  active_until: Date | null;
  redeemed: string;
}

/**
 * The catalog as one member sees it: active, in its window, and tier-gated rewards only for
 * members in those tiers; cheapest first, each with whether they can afford it now.
 */
@Injectable()
export class MyRewardsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerQuery,
    private readonly tiers: TierLookupQuery,
    private readonly clock: Clock,
  ) {}

  async list(memberId: string, query: PageQuery): Promise<Page<MyRewardDto>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['int', 'uuid']);
    const now = this.clock.now();
    const tier = await this.tiers.current(memberId);
    const { available } = await this.ledger.pointsSummary(memberId, now, 0);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT r.id, r.name, r.description, r.type, r.points_cost, r.value_amount, r.value_text,
              r.stock_remaining, r.per_member_limit, r.valid_days, r.active_until,
              (SELECT count(*) FROM reward_redemptions x
                WHERE x.member_id = $1 AND x.reward_id = r.id AND x.source = 'redeem' AND x.status <> 'cancelled') AS redeemed
       FROM rewards r
       WHERE r.active AND (r.active_from IS NULL OR r.active_from <= $2)
         AND (r.active_until IS NULL OR r.active_until > $2)
         AND (r.tiers = '[]'::jsonb OR ($3::text IS NOT NULL AND r.tiers @> jsonb_build_array($3::text)))
         AND ($4::int IS NULL OR (r.points_cost, r.id) > ($4::int, $5::uuid))
       ORDER BY r.points_cost, r.id LIMIT $6`,
      [memberId, now, tier?.code ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    const items = rows.slice(0, limit).map((r): MyRewardDto => {
      const redeemed = Number(r.redeemed);
      const affordable = available >= r.points_cost;
      const inStock = r.stock_remaining === null || r.stock_remaining > 0;
      const underLimit = r.per_member_limit === null || redeemed < r.per_member_limit;
      return {
        id: r.id,
        name: r.name,
        description: r.description,
        type: r.type,
        pointsCost: r.points_cost,
        value: rewardValue({
          type: r.type,
          valueAmount: r.value_amount === null ? null : Number(r.value_amount),
          valueText: r.value_text,
        }),
        affordable,
        stockRemaining: r.stock_remaining,
        perMemberLimit: r.per_member_limit,
        redeemedByMe: redeemed,
        redeemable: affordable && inStock && underLimit,
        validDays: r.valid_days,
        activeUntil: r.active_until ? r.active_until.toISOString() : null,
      };
    });
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last
          ? Buffer.from(JSON.stringify([last.pointsCost, last.id])).toString('base64url')
          : null,
    };
  }
}
