import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  claimIdempotencyKey,
  Clock,
  EventOutbox,
  inTransaction,
  requestHash,
  StaffPrincipal,
  storeIdempotentResponse,
} from '@vafa/platform';
import {
  Balance,
  LedgerQuery,
  lockMemberAccount,
  pointsReversedEvent,
  ReversePointsUseCase,
} from '@vafa/ledger';
import type { Channel } from '@vafa/members';
import { CouponSeam } from '../checkout/coupon.seam';
import { PurchaseSeam } from '../checkout/purchase.seam';
import type { ReturnDto } from './return.dto';
import { findOrderById } from '../orders/order-ids';
import { requireChannelAllowed, requireOwnStore } from '../orders/store-scope';
import { planReturn, ReturnableLine } from './return-arithmetic';
import { orderNotFound, returnExceedsPurchase } from '../points.errors';

export interface ReturnResult {
  returnId: string;
  orderId: string;
  pointsReversed: number;
  pointsRefunded: number;
  balance: Balance;
}

interface OrderRow {
  member_id: string;
  id: string;
  store_id: string | null;
  channel: Channel;
  subtotal: string;
  bonus_points: string;
  points_redeemed: string;
  earn_transaction_id: string | null;
  redeem_transaction_id: string | null;
}

/**
 * Returns units of an order: takes back the points those units earned (pending ones first),
 * gives back in proportion the points the order spent, and gives back coupons on a full return.
 */
@Injectable()
export class ReturnOrderUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reverse: ReversePointsUseCase,
    private readonly ledger: LedgerQuery,
    private readonly coupons: CouponSeam,
    private readonly purchases: PurchaseSeam,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(input: ReturnDto, principal: StaffPrincipal, key: string): Promise<ReturnResult> {
    const hash = requestHash(input);
    return inTransaction(this.dataSource, async (manager) => {
      // Whose order it is comes first: the key is the member's, and every statement after this
      // one stays with the member's rows.
      const known = await findOrderById(manager, input.orderId);
      if (!known) {
        throw orderNotFound(input.orderId);
      }
      const request = { memberId: known.memberId, scope: `return:${principal.keyId}`, key, hash };
      // The claim and the order's read share a round trip (the read is wasted on a replay).
      const claim = claimIdempotencyKey<ReturnResult>(manager, request);
      const order = this.findOrder(manager, known, false);
      order.catch(() => undefined);
      const claimed = await claim;
      if (claimed.replayed) {
        return claimed.response;
      }
      const response = await this.return(manager, input, principal, known, await order);
      await storeIdempotentResponse(manager, request, response);
      return response;
    });
  }

  /** The checkout's order (an imported one cannot be returned). */
  private async findOrder(
    manager: EntityManager,
    known: { memberId: string; orderUuid: string },
    lock: boolean,
  ): Promise<OrderRow | undefined> {
    const rows = await manager.query<OrderRow[]>(
      `SELECT member_id, id, store_id, channel, subtotal, bonus_points, points_redeemed, earn_transaction_id, redeem_transaction_id
       FROM orders WHERE member_id = $1 AND id = $2 AND source = 'checkout' ${lock ? 'FOR UPDATE' : ''}`,
      [known.memberId, known.orderUuid],
    );
    return rows[0];
  }

  private async return(
    manager: EntityManager,
    input: ReturnDto,
    principal: StaffPrincipal,
    known: { memberId: string; orderUuid: string },
    found: OrderRow | undefined,
  ): Promise<ReturnResult> {
    if (!found) {
      throw orderNotFound(input.orderId);
    }
    requireChannelAllowed(principal, found.channel);
    requireOwnStore(principal, found.store_id);
    // Same lock order as checkouts: the member's account, then the order.
    await lockMemberAccount(manager, found.member_id);
    const order = (await this.findOrder(manager, known, true)) ?? found;
    const rows = await manager.query<
      {
        line_no: number;
        sku: string;
        quantity: number;
        unit_price: string;
        points: string;
        returned_quantity: number;
      }[]
    >(
      `SELECT line_no, sku, quantity, unit_price, points, returned_quantity FROM order_lines
       WHERE member_id = $1 AND order_uuid = $2 ORDER BY line_no`,
      [order.member_id, order.id],
    );
    const lines: ReturnableLine[] = rows.map((r) => ({
      lineNo: r.line_no,
      sku: r.sku,
      quantity: r.quantity,
      unitPrice: Number(r.unit_price),
      points: Number(r.points),
      returnedQuantity: r.returned_quantity,
    }));
    const plan = planReturn(lines, input.lines, {
      subtotal: Number(order.subtotal),
      bonusPoints: Number(order.bonus_points),
      pointsRedeemed: Number(order.points_redeemed),
    });
    if (!('units' in plan)) {
      throw returnExceedsPurchase(plan);
    }
    await manager.query(
      `UPDATE order_lines l SET returned_quantity = l.returned_quantity + r.units
       FROM unnest($3::int[], $4::int[]) AS r(line_no, units)
       WHERE l.member_id = $1 AND l.order_uuid = $2 AND l.line_no = r.line_no`,
      [order.member_id, order.id, [...plan.units.keys()], [...plan.units.values()]],
    );
    const returnId = randomUUID();
    const reference = { orderId: input.orderId, returnId };
    let balance: Balance | null = null;
    if (plan.pointsToReverse > 0 && order.earn_transaction_id) {
      const entry = await this.reverse.execute(
        {
          memberId: order.member_id,
          transactionId: order.earn_transaction_id,
          points: plan.pointsToReverse,
          idempotencyKey: `return:${returnId}:earn`,
          description: `${plan.pointsToReverse} points taken back for items returned from order ${input.orderId}`,
          reference,
        },
        manager,
      );
      balance = entry.balance;
      const why = { reason: 'return' as const, ...reference };
      await this.events.emit(manager, pointsReversedEvent(entry, order.earn_transaction_id, why));
    }
    if (plan.pointsToRefund > 0 && order.redeem_transaction_id) {
      const entry = await this.reverse.execute(
        {
          memberId: order.member_id,
          transactionId: order.redeem_transaction_id,
          points: plan.pointsToRefund,
          idempotencyKey: `return:${returnId}:refund`,
          description: `${plan.pointsToRefund} points you spent on order ${input.orderId} given back for returned items`,
          reference,
        },
        manager,
      );
      balance = entry.balance;
      const why = { reason: 'return' as const, ...reference };
      await this.events.emit(manager, pointsReversedEvent(entry, order.redeem_transaction_id, why));
    }
    if (plan.fullyReturned) {
      await this.coupons.giveBack(manager, order.member_id, order.id);
    }
    // What the order is still worth now that these units are back (the lines are updated above):
    // order_net_values' net_total of this one order, with the member named on each table so that
    // Citus sends it to the member's shard (through the view it would ask every shard).
    const [remaining] = await manager.query<{ total: string }[]>(
      `SELECT o.total - coalesce((
                SELECT sum(l.net_amount * l.returned_quantity / l.quantity) FROM order_lines l
                WHERE l.member_id = $1 AND l.order_uuid = $2 AND l.returned_quantity > 0), 0) AS total
       FROM orders o WHERE o.member_id = $1 AND o.id = $2`,
      [order.member_id, order.id],
    );
    await this.purchases.returned(manager, {
      memberId: order.member_id,
      orderUuid: order.id,
      orderId: input.orderId,
      remainingTotal: Number(remaining?.total ?? 0),
    });
    await manager.query(
      `INSERT INTO order_returns (member_id, id, order_uuid, lines, points_reversed, points_refunded)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        order.member_id,
        returnId,
        order.id,
        JSON.stringify(input.lines),
        plan.pointsToReverse,
        plan.pointsToRefund,
      ],
    );
    const summary =
      balance ?? (await this.ledger.pointsSummary(order.member_id, this.clock.now(), 0));
    return {
      returnId,
      orderId: input.orderId,
      pointsReversed: plan.pointsToReverse,
      pointsRefunded: plan.pointsToRefund,
      balance: { available: summary.available, pending: summary.pending },
    };
  }
}
