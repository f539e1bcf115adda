import type { Balance } from '@vafa/ledger';
import type { CheckoutQuote } from './checkout-quote.query';

export interface CheckoutResult {
  checkoutId: string | null;
  orderId: string;
  memberId: string;
  subtotal: number;
  discount: number;
  total: number;
  pointsEarned: number;
  pointsPending: number;
  pointsRedeemed: number;
  balance: Balance;
  tier: { code: string; name: string } | null;
  /** The tier this checkout moved the member to (codes), or null. */
  tierChanged: { from: string | null; to: string } | null;
  appliedRules: { ruleId: string; name: string; points: number }[];
  /** Points of each order line (in the order's line order) and the rules that gave them. */
  lines: {
    index: number;
    sku: string;
    basePoints: number;
    points: number;
    appliedRuleIds: string[];
  }[];
  coupons: { code: string; discount: number; description: string }[];
  messages: string[];
}

export function checkoutResult(
  quote: CheckoutQuote,
  input: { orderId: string; redeemPoints?: number },
  written: {
    checkoutId: string | null;
    balance: Balance;
    pending: boolean;
    tier?: { code: string; name: string } | null;
    /** What other domains the purchase moved want said at the till (a referral welcome bonus). */
    messages?: string[];
  },
): CheckoutResult {
  const earned = quote.earn.totalPoints;
  const messages: string[] = [];
  if (earned > 0 && written.pending) {
    messages.push(
      `${earned} points are pending until ${quote.availableAt.toISOString().slice(0, 10)} (the return window).`,
    );
  }
  if (earned === 0) {
    messages.push('This order earns no points.');
  }
  const before = quote.tier;
  const after = written.tier;
  const tierChanged =
    after && after.code !== before?.code ? { from: before?.code ?? null, to: after.code } : null;
  if (after && tierChanged) {
    messages.push(`Welcome to ${after.name}! The member's new tier starts now.`);
  }
  messages.push(...(written.messages ?? []));
  return {
    checkoutId: written.checkoutId,
    orderId: input.orderId,
    memberId: quote.member.id,
    subtotal: quote.pricing.subtotal,
    discount: quote.pricing.couponDiscount + quote.pricing.pointsDiscount,
    total: quote.pricing.total,
    pointsEarned: earned,
    pointsPending: written.pending ? earned : 0,
    pointsRedeemed: input.redeemPoints ?? 0,
    balance: written.balance,
    tier:
      written.tier !== undefined
        ? written.tier
        : quote.tier
          ? { code: quote.tier.code, name: quote.tier.name }
          : null,
    tierChanged,
    appliedRules: quote.earn.appliedRules,
    lines: quote.earn.lines,
    coupons: quote.coupons,
    messages,
  };
}
