import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Clock,
  DomainError,
  inTransaction,
  once,
  requestHash,
  StaffPrincipal,
} from '@vafa/platform';
import {
  CreditPointsUseCase,
  DebitPointsUseCase,
  LedgerQueries,
  lockMemberAccount,
} from '@vafa/ledger';
import { ruleApplicationsToRecord } from '../rules';
import type { CheckoutDto } from './checkout.dto';
import { CheckoutQuote, CheckoutQuoteService } from './checkout-quote.service';
import { CheckoutResult, checkoutResult } from './checkout-result';
import { CouponHook } from './coupon.hook';
import { PurchaseHooks } from './purchase.hooks';
import { TierHook } from './tier.hook';

const orderExists = (orderId: string): DomainError =>
  new DomainError(409, 'ORDER_EXISTS', `Order ${orderId} was already checked out.`, { orderId });

const money = (minor: number): string => (minor / 100).toFixed(2);

/**
 * A checkout at the till: the order, its lines, the points spent and earned and the coupons used,
 * in ONE transaction, once per Idempotency-Key. A refused checkout writes nothing.
 */
@Injectable()
export class CheckoutUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly quotes: CheckoutQuoteService,
    private readonly credit: CreditPointsUseCase,
    private readonly debit: DebitPointsUseCase,
    private readonly ledger: LedgerQueries,
    private readonly coupons: CouponHook,
    private readonly tiers: TierHook,
    private readonly purchases: PurchaseHooks,
    private readonly clock: Clock,
  ) {}

  async simulate(input: CheckoutDto, principal: StaffPrincipal): Promise<CheckoutResult> {
    const member = await this.quotes.resolveMember(input.member);
    const quote = await this.quotes.quote(input, member, this.quotes.storeFor(input, principal));
    const balance = await this.ledger.pointsSummary(member.id, this.clock.now());
    if ((input.redeemPoints ?? 0) > balance.available) {
      throw new DomainError(
        422,
        'INSUFFICIENT_POINTS',
        `The member has ${balance.available} points available.`,
        {
          requested: input.redeemPoints,
          available: balance.available,
        },
      );
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
    const member = await this.quotes.resolveMember(input.member);
    const storeId = this.quotes.storeFor(input, principal);
    const hash = requestHash({ ...input, storeId });
    return inTransaction(this.dataSource, async (manager) => {
      const { response } = await once(
        manager,
        { scope: `checkout:${principal.keyId}`, key, hash },
        async () => {
          // One checkout per member at a time, so per-day rule limits hold under races.
          await lockMemberAccount(manager, member.id);
          const quote = await this.quotes.quote(input, member, storeId, manager);
          return this.write(manager, input, quote);
        },
      );
      return response;
    });
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
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO orders (member_id, id, order_id, store_id, channel, occurred_at, subtotal, coupon_discount,
         points_discount, total, points_earned, bonus_points, points_redeemed, applied_rules)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (order_id) DO NOTHING RETURNING id`,
      [
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
        input.redeemPoints ?? 0,
        JSON.stringify(earn.appliedRules),
      ],
    );
    if (inserted.length === 0) throw orderExists(input.orderId);
    await manager.query(
      `INSERT INTO order_lines (member_id, order_uuid, line_no, sku, category, quantity, unit_price, net_amount, points)
       SELECT $1, $2, n, sku, category, quantity, unit_price, net_amount, points
       FROM unnest($3::int[], $4::text[], $5::text[], $6::int[], $7::bigint[], $8::bigint[], $9::bigint[])
         AS l(n, sku, category, quantity, unit_price, net_amount, points)`,
      [
        memberId,
        orderUuid,
        input.lines.map((_, i) => i + 1),
        input.lines.map((l) => l.sku),
        input.lines.map((l) => l.category ?? null),
        input.lines.map((l) => l.quantity),
        input.lines.map((l) => l.unitPrice),
        pricing.netAmounts,
        earn.lines.map((l) => l.points),
      ],
    );

    let balance = { available: 0, pending: 0 };
    const reference = { orderId: input.orderId, checkoutId: orderUuid };
    let redeemId: string | null = null;
    if ((input.redeemPoints ?? 0) > 0) {
      const spent = await this.debit.execute(
        {
          memberId,
          points: input.redeemPoints ?? 0,
          kind: 'redeem',
          sink: 'program:redeemed',
          idempotencyKey: `order:${orderUuid}:redeem`,
          description: `Spent ${input.redeemPoints} points on order ${input.orderId} (${money(pricing.pointsDiscount)} off)`,
          reference,
          occurredAt: quote.occurredAt,
        },
        manager,
      );
      balance = spent.balance;
      redeemId = spent.transactionId;
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
        },
        manager,
      );
      balance = earned.balance;
      earnId = earned.transactionId;
    }
    if (!earnId && !redeemId)
      balance = await this.ledger.pointsSummary(memberId, this.clock.now(), 0);
    if (earnId || redeemId) {
      await manager.query(
        `UPDATE orders SET earn_transaction_id = $3, redeem_transaction_id = $4 WHERE member_id = $1 AND id = $2`,
        [memberId, orderUuid, earnId, redeemId],
      );
    }
    const used = ruleApplicationsToRecord(earn);
    if (used.length > 0) {
      await manager.query(
        `INSERT INTO earning_rule_usage (member_id, rule_id, day, uses)
         SELECT $1, rule_id, $2, 1 FROM unnest($3::uuid[]) AS r(rule_id)
         ON CONFLICT (member_id, rule_id, day) DO UPDATE SET uses = earning_rule_usage.uses + 1`,
        [memberId, quote.day, used],
      );
    }
    await this.coupons.markUsed(
      manager,
      { memberId, orderUuid, lines: input.lines, subtotal: pricing.subtotal, at: quote.occurredAt },
      input.couponCodes ?? [],
    );
    const moved = await this.purchases.purchased(manager, {
      memberId,
      orderUuid,
      orderId: input.orderId,
      total: pricing.total,
      occurredAt: quote.occurredAt,
    });
    if (moved) balance = await this.ledger.balance(memberId, manager);
    const tier = await this.tiers.afterPurchase(manager, memberId, orderUuid);
    return checkoutResult(quote, input, {
      checkoutId: orderUuid,
      balance: { available: balance.available, pending: balance.pending },
      pending: pending && earn.totalPoints > 0,
      tier: tier ? { code: tier.code, name: tier.name } : null,
    });
  }
}
