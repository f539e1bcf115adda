import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  claimIdempotencyKey,
  Clock,
  constraintOf,
  deferredQuery,
  EventOutbox,
  type EventPayload,
  inTransaction,
  isUuid,
  PreparedStatement,
  requestHash,
  StaffPrincipal,
  storeIdempotentResponse,
} from '@vafa/platform';
import {
  CreditPointsUseCase,
  DebitPointsUseCase,
  insufficientPoints,
  LedgerQuery,
  lockMemberAccount,
  type PointsEarnedEventData,
  type PointsRedeemedEventData,
} from '@vafa/ledger';
import { orderExists } from '../points.errors';
import { INSERT_ORDER_ID, ORDER_ID_TAKEN } from '../orders/order-ids';
import type { CheckoutDto } from './checkout.dto';
import { CheckoutQuote, CheckoutQuoteQuery } from './checkout-quote.query';
import { CheckoutBatchUseCase } from './batch/checkout-batch.usecase';
import { CheckoutResult, checkoutResult } from './checkout-result';
import { CouponSeam } from './coupon.seam';
import { majorUnits } from './major-units';
import { PurchaseSeam } from './purchase.seam';
import { TierSeam } from './tier.seam';

/**
 * The order, its lines and today's rule uses in one statement (prepared once per connection),
 * sent without waiting for it: all the member's rows. The order id's lookup row is the statement
 * before it (INSERT_ORDER_ID); an orderId checked out before fails that one on `pk_order_ids`.
 */
const INSERT_ORDER: PreparedStatement = {
  name: 'vafa_checkout_insert_order_v2',
  text: `WITH o AS (
     INSERT INTO orders (member_id, id, order_id, store_id, channel, occurred_at, subtotal, coupon_discount,
       points_discount, total, points_earned, bonus_points, points_redeemed, applied_rules,
       earn_transaction_id, redeem_transaction_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     RETURNING id
   ), lines AS (
     INSERT INTO order_lines (member_id, order_uuid, line_no, sku, category, quantity, unit_price, net_amount, points)
     SELECT $1, o.id, n, sku, category, quantity, unit_price, net_amount, points
     FROM o, unnest($17::int[], $18::text[], $19::text[], $20::int[], $21::bigint[], $22::bigint[], $23::bigint[])
       AS l(n, sku, category, quantity, unit_price, net_amount, points)
   ), usage AS (
     INSERT INTO earning_rule_usage (member_id, rule_id, day, uses)
     SELECT $1, rule_id, $24::date, 1 FROM o, unnest($25::uuid[]) AS r(rule_id)
     ON CONFLICT (member_id, rule_id, day) DO UPDATE SET uses = earning_rule_usage.uses + 1
   )
   SELECT 1`,
};

/**
 * A checkout at the till: the order, its lines, the points spent and earned and the coupons used,
 * in ONE transaction, once per Idempotency-Key. A refused checkout writes nothing.
 */
@Injectable()
export class CheckoutUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly quotes: CheckoutQuoteQuery,
    private readonly credit: CreditPointsUseCase,
    private readonly debit: DebitPointsUseCase,
    private readonly ledger: LedgerQuery,
    private readonly coupons: CouponSeam,
    private readonly tiers: TierSeam,
    private readonly purchases: PurchaseSeam,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
    private readonly batches: CheckoutBatchUseCase,
  ) {}

  async simulate(input: CheckoutDto, principal: StaffPrincipal): Promise<CheckoutResult> {
    const member = await this.quotes.resolveMember(input.member);
    const quote = await this.quotes.quote(input, member, this.quotes.storeFor(input, principal));
    const balance = await this.ledger.pointsSummary(member.id, this.clock.now());
    if ((input.redeemPoints ?? 0) > balance.available) {
      throw insufficientPoints(input.redeemPoints ?? 0, balance.available);
    }
    return checkoutResult(quote, input, {
      checkoutId: null,
      balance: { available: balance.available, pending: balance.pending },
      pending: quote.availableAt > this.clock.now(),
    });
  }

  async execute(
    input: CheckoutDto,
    principal: StaffPrincipal,
    key: string,
  ): Promise<CheckoutResult> {
    const storeId = this.quotes.storeFor(input, principal);
    const scope = `checkout:${principal.keyId}`;
    const hash = requestHash({ ...input, storeId });
    const alone = (): Promise<CheckoutResult> =>
      this.executeAlone(input, storeId, scope, key, hash);
    const memberId = await this.batches.memberIdFor(input);
    return memberId === null
      ? alone()
      : this.batches.submit({ input, memberId, storeId, scope, key, hash, alone });
  }

  /** The checkout in a transaction of its own. */
  private async executeAlone(
    input: CheckoutDto,
    storeId: string | null,
    scope: string,
    key: string,
    hash: string,
  ): Promise<CheckoutResult> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        // The key is the member's. For a member named by id, the look-up, the key's claim and
        // the account lock go out together and share one round trip; a member named by card or
        // phone is looked up first, and the claim and the lock share the next. A lock taken for
        // a replay or an unknown member rolls back with the transaction or changes nothing.
        const member = this.quotes.resolveMember(input.member, manager);
        const byId =
          input.member.id !== undefined && isUuid(input.member.id) ? input.member.id : null;
        const memberId = byId ?? (await member).id;
        const request = { memberId, scope, key, hash };
        const claim = claimIdempotencyKey<CheckoutResult>(manager, request);
        // One checkout per member at a time, so per-day rule limits hold under races.
        const lock = lockMemberAccount(manager, memberId);
        // Awaited below in order; a rejection seen first must not leave the others unhandled.
        for (const sent of [claim, lock]) {
          sent.catch(() => undefined);
        }
        await member;
        const claimed = await claim;
        if (claimed.replayed) {
          return claimed.response;
        }
        await lock;
        const quote = await this.quotes.quote(input, { id: memberId }, storeId, manager);
        const response = await this.write(manager, input, quote);
        await storeIdempotentResponse(manager, request, response);
        return response;
      });
    } catch (error) {
      if (constraintOf(error) === ORDER_ID_TAKEN) {
        throw orderExists(input.orderId);
      }
      throw error;
    }
  }

  private async write(
    manager: EntityManager,
    input: CheckoutDto,
    quote: CheckoutQuote,
  ): Promise<CheckoutResult> {
    const orderUuid = randomUUID();
    const memberId = quote.member.id;
    const { pricing, earn } = quote;
    const lineTotal = earn.lines.reduce((sum, l) => sum + l.points, 0);
    const redeemPoints = input.redeemPoints ?? 0;
    // The ledger transactions get ids chosen here, so that the order row can name them at once.
    const plannedRedeemId = redeemPoints > 0 ? randomUUID() : null;
    const plannedEarnId = earn.totalPoints > 0 ? randomUUID() : null;
    await deferredQuery(manager, INSERT_ORDER_ID, [input.orderId, memberId, orderUuid]);
    await deferredQuery(manager, INSERT_ORDER, [
      memberId,
      orderUuid,
      input.orderId,
      quote.storeId,
      input.channel,
      quote.occurredAt,
      pricing.subtotal,
      pricing.couponDiscount,
      pricing.pointsDiscount,
      pricing.total,
      earn.totalPoints,
      earn.totalPoints - lineTotal,
      redeemPoints,
      JSON.stringify(earn.appliedRules),
      plannedEarnId,
      plannedRedeemId,
      input.lines.map((_, i) => i + 1),
      input.lines.map((l) => l.sku),
      input.lines.map((l) => l.category ?? null),
      input.lines.map((l) => l.quantity),
      input.lines.map((l) => l.unitPrice),
      pricing.netAmounts,
      earn.lines.map((l) => l.points),
      quote.day,
      quote.ruleUses,
    ]);

    let balance = { available: 0, pending: 0 };
    const reference = { orderId: input.orderId, checkoutId: orderUuid };
    let redeemId: string | null = null;
    if (redeemPoints > 0) {
      const spent = await this.debit.execute(
        {
          memberId,
          points: redeemPoints,
          kind: 'redeem',
          sink: 'program:redeemed',
          idempotencyKey: `order:${orderUuid}:redeem`,
          description: `Spent ${input.redeemPoints} points on order ${input.orderId} (${majorUnits(pricing.pointsDiscount, quote.minorUnitsPerMajor)} off)`,
          reference,
          occurredAt: quote.occurredAt,
          newTransactionId: plannedRedeemId ?? undefined,
        },
        manager,
      );
      balance = spent.balance;
      redeemId = spent.transactionId;
      const data: EventPayload<PointsRedeemedEventData> = {
        memberId,
        transactionId: spent.transactionId,
        points: redeemPoints,
        source: 'checkout',
        orderId: input.orderId,
        checkoutId: orderUuid,
        discount: pricing.pointsDiscount,
        rewardId: null,
        redemptionId: null,
        storeId: quote.storeId,
        balance: spent.balance,
      };
      await this.events.emit(manager, { type: 'points.redeemed', memberId, data });
    }
    let earnId: string | null = null;
    const pending = quote.availableAt > this.clock.now();
    if (earn.totalPoints > 0) {
      const earned = await this.credit.execute(
        {
          memberId,
          points: earn.totalPoints,
          kind: 'earn',
          source: 'program:issued',
          availableAt: quote.availableAt,
          expiresAt: quote.expiresAt,
          idempotencyKey: `order:${orderUuid}:earn`,
          description: `Earned ${earn.totalPoints} points on order ${input.orderId}: ${earn.description}`,
          reference: { ...reference, rules: earn.appliedRules },
          occurredAt: quote.occurredAt,
          newTransactionId: plannedEarnId ?? undefined,
        },
        manager,
      );
      balance = earned.balance;
      earnId = earned.transactionId;
      const data: EventPayload<PointsEarnedEventData> = {
        memberId,
        transactionId: earned.transactionId,
        points: earn.totalPoints,
        pendingPoints: earned.pendingPoints,
        availableAt: earned.pendingPoints > 0 ? quote.availableAt.toISOString() : null,
        expiresAt: quote.expiresAt?.toISOString() ?? null,
        source: 'checkout',
        orderId: input.orderId,
        checkoutId: orderUuid,
        storeId: quote.storeId,
        channel: input.channel,
        appliedRules: earn.appliedRules,
        balance: earned.balance,
      };
      await this.events.emit(manager, { type: 'points.earned', memberId, data });
    }
    if (!earnId && !redeemId) {
      balance = await this.ledger.pointsSummary(memberId, this.clock.now(), 0);
    }
    // Only if the ledger kept other ids (a replayed key; order keys are new, so not expected).
    if (earnId !== plannedEarnId || redeemId !== plannedRedeemId) {
      await manager.query(
        `UPDATE orders SET earn_transaction_id = $3, redeem_transaction_id = $4 WHERE member_id = $1 AND id = $2`,
        [memberId, orderUuid, earnId, redeemId],
      );
    }
    await this.coupons.markUsed(
      manager,
      {
        memberId,
        orderUuid,
        orderId: input.orderId,
        storeId: quote.storeId,
        lines: input.lines,
        subtotal: pricing.subtotal,
        at: quote.occurredAt,
      },
      quote.coupons,
    );
    const reaction = await this.purchases.purchased(manager, {
      memberId,
      orderUuid,
      orderId: input.orderId,
      total: pricing.total,
      occurredAt: quote.occurredAt,
    });
    if (reaction.movedPoints) {
      balance = await this.ledger.balance(memberId, manager);
    }
    const tier = await this.tiers.afterPurchase(manager, memberId, {
      orderId: input.orderId,
      checkoutId: orderUuid,
    });
    return checkoutResult(quote, input, {
      checkoutId: orderUuid,
      balance: { available: balance.available, pending: balance.pending },
      pending: pending && earn.totalPoints > 0,
      tier: tier ? { code: tier.code, name: tier.name } : null,
      messages: reaction.messages,
    });
  }
}
