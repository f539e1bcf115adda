import type {
  Balance,
  LockedCredit,
  LockedCreditResult,
  PointsEarnedEventData,
} from '@vafa/ledger';
import type { EventPayload, OutboxEvent } from '@vafa/platform';
import type { CheckoutDto } from '../checkout.dto';
import type { CheckoutQuote } from '../checkout-quote.query';
import type { CheckoutResult } from '../checkout-result';

/** What a batch of checkouts writes, as rows and statement parameters: no database here. */

/** One checkout waiting for a batch: validated, authorised and hashed, as the single path has it. */
export interface BatchedCheckout {
  input: CheckoutDto;
  memberId: string;
  storeId: string | null;
  scope: string;
  key: string;
  hash: string;
  /** The checkout in a transaction of its own (today's path), for when its batch fails. */
  alone: () => Promise<CheckoutResult>;
}

/** A checkout of the batch that got past its claim and its quote. */
export interface Accepted {
  index: number;
  item: BatchedCheckout;
  quote: CheckoutQuote;
  orderUuid: string;
}

/** The ledger credit of an accepted checkout's earned points (as CheckoutUseCase asks for it). */
export function earnCredit(
  { item, quote, orderUuid }: Accepted,
  transactionId: string,
  prior: Balance = { available: 0, pending: 0 },
): LockedCredit {
  return {
    memberId: item.memberId,
    prior,
    transactionId,
    points: quote.earn.totalPoints,
    source: 'program:issued',
    idempotencyKey: `order:${orderUuid}:earn`,
    description: `Earned ${quote.earn.totalPoints} points on order ${item.input.orderId}: ${quote.earn.description}`,
    reference: {
      orderId: item.input.orderId,
      checkoutId: orderUuid,
      rules: quote.earn.appliedRules,
    },
    occurredAt: quote.occurredAt,
    availableAt: quote.availableAt,
    expiresAt: quote.expiresAt,
  };
}

/** The points.earned event of an accepted checkout, with the balance its credit left. */
export function earnedEvent(
  { item, quote, orderUuid }: Accepted,
  transactionId: string,
  written: LockedCreditResult,
): OutboxEvent {
  const data: EventPayload<PointsEarnedEventData> = {
    memberId: item.memberId,
    transactionId,
    points: quote.earn.totalPoints,
    pendingPoints: written.pendingPoints,
    availableAt: written.pendingPoints > 0 ? quote.availableAt.toISOString() : null,
    expiresAt: quote.expiresAt?.toISOString() ?? null,
    source: 'checkout',
    orderId: item.input.orderId,
    checkoutId: orderUuid,
    storeId: quote.storeId,
    channel: item.input.channel,
    appliedRules: quote.earn.appliedRules,
    balance: written.balance,
  };
  return { type: 'points.earned', memberId: item.memberId, data };
}

/** INSERT_ORDERS' parameters: the orders, their lines flattened, and the rule uses. */
export function ordersColumns(accepted: Accepted[], earnIds: Map<string, string>): unknown[] {
  const lines = accepted.flatMap(({ item, quote, orderUuid }) =>
    item.input.lines.map((line, n) => ({
      memberId: item.memberId,
      orderUuid,
      line,
      n,
      net: quote.pricing.netAmounts[n] ?? 0,
      points: quote.earn.lines[n]?.points ?? 0,
    })),
  );
  const uses = accepted.flatMap(({ item, quote }) =>
    quote.ruleUses.map((ruleId) => ({ memberId: item.memberId, ruleId, day: quote.day })),
  );
  const lineTotal = (q: CheckoutQuote): number => q.earn.lines.reduce((s, l) => s + l.points, 0);
  return [
    accepted.map((a) => a.item.memberId),
    accepted.map((a) => a.orderUuid),
    accepted.map((a) => a.item.input.orderId),
    accepted.map((a) => a.quote.storeId),
    accepted.map((a) => a.item.input.channel),
    accepted.map((a) => a.quote.occurredAt.toISOString()),
    accepted.map((a) => a.quote.pricing.subtotal),
    accepted.map((a) => a.quote.pricing.couponDiscount),
    accepted.map((a) => a.quote.pricing.pointsDiscount),
    accepted.map((a) => a.quote.pricing.total),
    accepted.map((a) => a.quote.earn.totalPoints),
    accepted.map((a) => a.quote.earn.totalPoints - lineTotal(a.quote)),
    accepted.map((a) => JSON.stringify(a.quote.earn.appliedRules)),
    accepted.map((a) => earnIds.get(a.item.memberId) ?? null),
    lines.map((l) => l.memberId),
    lines.map((l) => l.orderUuid),
    lines.map((l) => l.n + 1),
    lines.map((l) => l.line.sku),
    lines.map((l) => l.line.category ?? null),
    lines.map((l) => l.line.quantity),
    lines.map((l) => l.line.unitPrice),
    lines.map((l) => l.net),
    lines.map((l) => l.points),
    uses.map((u) => u.memberId),
    uses.map((u) => u.ruleId),
    uses.map((u) => u.day),
  ];
}
