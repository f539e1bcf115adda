import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, EventOutbox, type EventPayload, ListenerFor, queryRows } from '@vafa/platform';
import {
  CouponApplication,
  couponInvalid,
  CouponOrder,
  COUPON_SEAM,
  CouponListener,
  CouponUse,
} from '@vafa/points';
import type { RewardType } from '../catalog/reward.entity';
import type { CouponUsedEventData } from '../events/reward-events.dto';
import { HeldCoupon, priceCoupons } from './coupon-pricing';
import { couponRefused } from '../rewards.errors';

interface CouponRow {
  code: string;
  reward_name: string;
  reward_type: RewardType;
  value_amount: string | null;
  value_text: string | null;
  status: string;
  expires_at: Date | null;
  used_at: Date | null;
  cancelled_at: Date | null;
}

/**
 * Coupons at the till: checkout asks this to price the member's codes and, in its own
 * transaction, to mark them used; a full return gives them back.
 */
@Injectable()
@ListenerFor(COUPON_SEAM)
export class RewardCouponListener implements CouponListener {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async price(
    order: CouponOrder,
    codes: string[],
    manager?: EntityManager,
  ): Promise<CouponApplication[]> {
    if (codes.length === 0) {
      return [];
    }
    const rows = await (manager ?? this.dataSource.manager).query<CouponRow[]>(
      `SELECT code, reward_name, reward_type, value_amount, value_text, status, expires_at, used_at,
              cancelled_at
       FROM reward_redemptions WHERE member_id = $1 AND code = ANY($2::text[])`,
      [order.memberId, codes],
    );
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const held = codes.map((code): HeldCoupon => {
      const row = byCode.get(code);
      // Unknown and someone else's codes answer alike; the member's own say what is wrong.
      if (!row) {
        throw couponInvalid(code);
      }
      if (row.status === 'used') {
        throw couponRefused(code, 'used', { at: row.used_at });
      }
      if (row.status === 'cancelled') {
        throw couponRefused(code, 'cancelled', { at: row.cancelled_at });
      }
      if (
        row.status === 'expired' ||
        (row.expires_at !== null && row.expires_at.getTime() <= order.at.getTime())
      ) {
        throw couponRefused(code, 'expired', { at: row.expires_at });
      }
      return {
        code,
        name: row.reward_name,
        type: row.reward_type,
        amount: row.value_amount === null ? null : Number(row.value_amount),
        sku: row.value_text,
      };
    });
    return priceCoupons(order, held);
  }

  /**
   * One conditional statement: a coupon raced into two checkouts is used by one only. Each use
   * emits coupon.used.
   */
  async markUsed(
    manager: EntityManager,
    order: CouponUse,
    coupons: CouponApplication[],
  ): Promise<void> {
    if (coupons.length === 0) {
      return;
    }
    const rows = await queryRows<{
      code: string;
      id: string;
      reward_id: string;
      reward_type: RewardType;
    }>(
      manager,
      `UPDATE reward_redemptions SET status = 'used', used_at = $3, order_uuid = $4
       WHERE member_id = $1 AND code = ANY($2::text[]) AND status = 'active'
         AND (expires_at IS NULL OR expires_at > $3)
       RETURNING code, id, reward_id, reward_type`,
      [order.memberId, coupons.map((c) => c.code), order.at, order.orderUuid],
    );
    const used = new Map(rows.map((r) => [r.code, r]));
    const missed = coupons.find((c) => !used.has(c.code));
    if (missed !== undefined) {
      throw couponInvalid(missed.code);
    }
    for (const coupon of coupons) {
      const row = used.get(coupon.code);
      if (!row) {
        continue;
      }
      const data: EventPayload<CouponUsedEventData> = {
        memberId: order.memberId,
        redemptionId: row.id,
        rewardId: row.reward_id,
        code: row.code,
        type: row.reward_type,
        discount: coupon.discount,
        orderId: order.orderId,
        checkoutId: order.orderUuid,
        storeId: order.storeId,
      };
      await this.events.emit(manager, { type: 'coupon.used', memberId: order.memberId, data });
    }
  }

  /** The order's coupons become usable again (or expired, if their time has passed meanwhile). */
  async giveBack(manager: EntityManager, memberId: string, orderUuid: string): Promise<void> {
    await manager.query(
      `UPDATE reward_redemptions
       SET status = CASE WHEN expires_at IS NOT NULL AND expires_at <= $3 THEN 'expired' ELSE 'active' END,
           used_at = NULL, order_uuid = NULL
       WHERE member_id = $1 AND order_uuid = $2 AND status = 'used'`,
      [memberId, orderUuid, this.clock.now()],
    );
  }
}
