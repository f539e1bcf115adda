import type { components } from '../../api/schema';
import type { Channel } from './rule-values';

export type CheckoutBody = components['schemas']['CheckoutDto'];
export type CheckoutResult = components['schemas']['CheckoutResultDto'];

export interface BasketLine {
  sku: string;
  category: string;
  quantity: number | string;
  /** Major currency units on the form. */
  unitPrice: number | string;
}

export interface BasketValues extends Record<string, unknown> {
  /** A card number typed in, used when no member was picked from the search. */
  cardNumber: string;
  channel: Channel;
  storeId: string;
  lines: BasketLine[];
}

export const EMPTY_LINE: BasketLine = { sku: '', category: '', quantity: 1, unitPrice: '' };

export const EMPTY_BASKET: BasketValues = {
  cardNumber: '',
  channel: 'store',
  storeId: '',
  lines: [EMPTY_LINE],
};

/** The simulate body: a member picked by id wins over a typed card number. */
export function toCheckoutBody(
  values: BasketValues,
  memberId: string | null,
  toMinor: (major: number) => number,
): CheckoutBody {
  const storeId = values.storeId.trim();
  return {
    member: memberId !== null ? { id: memberId } : { cardNumber: values.cardNumber.trim() },
    orderId: `console-try-${Date.now()}`,
    channel: values.channel,
    ...(storeId === '' ? {} : { storeId }),
    lines: values.lines.map((line) => ({
      sku: line.sku.trim(),
      ...(line.category.trim() === '' ? {} : { category: line.category.trim() }),
      quantity: Number(line.quantity),
      unitPrice: line.unitPrice === '' ? Number.NaN : toMinor(Number(line.unitPrice)),
    })),
  };
}

/** Points the order earns beyond its lines (fixedPoints bonuses), never negative. */
export function orderBonus(result: CheckoutResult): number {
  const onLines = result.lines.reduce((sum, line) => sum + line.points, 0);
  return Math.max(0, result.pointsEarned - onLines);
}
