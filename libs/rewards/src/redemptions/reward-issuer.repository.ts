import { addDays, queryRows } from '@vafa/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RewardEntity, RewardType, isCouponType } from '../catalog/reward.entity';
import { rewardOutOfStock } from '../rewards.errors';
import { newCouponCode } from './coupon-code';
import type { RedemptionSource } from './reward-redemption.entity';

/** A coupon or perk as the member holds it (the redeem and grant responses). */
export interface IssuedReward {
  redemptionId: string;
  rewardId: string;
  name: string;
  type: RewardType;
  pointsSpent: number;
  code?: string;
  perk?: string;
  expiresAt?: string;
}

export interface RedemptionRow {
  member_id: string;
  id: string;
  reward_id: string;
  reward_name: string;
  reward_type: RewardType;
  value_amount: string | null;
  value_text: string | null;
  source: RedemptionSource;
  points_spent: string;
  code: string | null;
  status: string;
  issued_at: Date;
  expires_at: Date | null;
  used_at: Date | null;
  order_uuid: string | null;
  cancelled_at: Date | null;
  ledger_transaction_id: string | null;
  idempotency_key: string;
  reason: string | null;
}

export const REDEMPTION_COLUMNS = `member_id, id, reward_id, reward_name, reward_type, value_amount, value_text,
  source, points_spent, code, status, issued_at, expires_at, used_at, order_uuid, cancelled_at,
  ledger_transaction_id, idempotency_key, reason`;

export const toIssuedReward = (row: RedemptionRow): IssuedReward => ({
  redemptionId: row.id,
  rewardId: row.reward_id,
  name: row.reward_name,
  type: row.reward_type,
  pointsSpent: Number(row.points_spent),
  ...(row.code ? { code: row.code } : {}),
  ...(!isCouponType(row.reward_type) && row.value_text ? { perk: row.value_text } : {}),
  ...(row.expires_at ? { expiresAt: row.expires_at.toISOString() } : {}),
});

/**
 * The steps every issue of a reward shares (a redemption for points, a free grant): take a unit
 * of stock and write the coupon or perk. Runs in the caller's transaction, after the member's
 * account is locked.
 */
@Injectable()
export class RewardIssuer {
  load(manager: EntityManager, rewardId: string): Promise<RewardEntity | null> {
    return manager.getRepository(RewardEntity).findOneBy({ id: rewardId });
  }

  /**
   * Takes one unit with a single conditional statement: racing redemptions queue on the row and
   * only those that still find a unit get one. Unlimited rewards never touch the row.
   */
  async takeStock(manager: EntityManager, reward: RewardEntity): Promise<void> {
    if (reward.stockRemaining === null) {
      return;
    }
    const rows = await queryRows<unknown>(
      manager,
      `UPDATE rewards SET stock_remaining = stock_remaining - 1
       WHERE id = $1 AND stock_remaining > 0 RETURNING stock_remaining`,
      [reward.id],
    );
    if (rows.length === 0) {
      throw rewardOutOfStock(reward.id);
    }
  }

  /** Gives a unit back (a cancellation), never above the stock offered. */
  async returnStock(manager: EntityManager, rewardId: string): Promise<void> {
    await manager.query(
      `UPDATE rewards SET stock_remaining = LEAST(stock_remaining + 1, stock)
       WHERE id = $1 AND stock_remaining IS NOT NULL`,
      [rewardId],
    );
  }

  async insert(
    manager: EntityManager,
    issue: {
      memberId: string;
      redemptionId: string;
      reward: RewardEntity;
      source: RedemptionSource;
      pointsSpent: number;
      ledgerTransactionId: string | null;
      idempotencyKey: string;
      reason: string | null;
      now: Date;
    },
  ): Promise<RedemptionRow> {
    const { reward, now } = issue;
    const expiresAt = reward.validDays ? addDays(now, reward.validDays) : null;
    // A code collides with one of the member's own with odds of 2^-60: draw again if it does.
    for (let attempt = 0; attempt < 5; attempt++) {
      const rows = await manager.query<RedemptionRow[]>(
        `INSERT INTO reward_redemptions (member_id, id, reward_id, reward_name, reward_type, value_amount,
           value_text, source, points_spent, code, status, issued_at, expires_at, ledger_transaction_id,
           idempotency_key, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'active', $11, $12, $13, $14, $15)
         ON CONFLICT (code, member_id) DO NOTHING
         RETURNING ${REDEMPTION_COLUMNS}`,
        [
          issue.memberId,
          issue.redemptionId,
          reward.id,
          reward.name,
          reward.type,
          reward.valueAmount,
          reward.valueText,
          issue.source,
          issue.pointsSpent,
          isCouponType(reward.type) ? newCouponCode() : null,
          now,
          expiresAt,
          issue.ledgerTransactionId,
          issue.idempotencyKey,
          issue.reason,
        ],
      );
      if (rows[0]) {
        return rows[0];
      }
    }
    throw new Error('could not draw an unused coupon code');
  }
}
