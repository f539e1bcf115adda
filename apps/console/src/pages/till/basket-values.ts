import type { components } from '../../api/schema';
import { randomKey } from '../members/member/idempotency-key';
import { parseMoney } from './money-input';

export type CheckoutBody = components['schemas']['CheckoutDto'];
export type CheckoutResult = components['schemas']['CheckoutResultDto'];

/** One line as the cashier types it: the price in major units of the program's currency. */
export interface BasketLine {
  sku: string;
  category: string;
  quantity: number | string;
  unitPrice: string;
}

export interface BasketValues extends Record<string, unknown> {
  lines: BasketLine[];
  redeemPoints: number | string;
  couponCodes: string[];
}

/** Who the basket is for and where: what the request needs besides the basket. */
export interface BasketContext {
  memberId: string;
  /** Made once per basket, so a retried checkout can never record the order twice. */
  orderId: string;
  /** The cashier's own store, or the one an admin entered; null sends none. */
  storeId: string | null;
  minorUnitsPerMajor: number;
}

/** What can be wrong with a line's field: `till.basket.problems.*`. */
export const BASKET_PROBLEMS = ['skuRequired', 'quantityInvalid', 'priceInvalid'] as const;

/** The problems of a basket, by the form's field path (`lines.0.sku`). */
export type BasketProblems = Record<string, (typeof BASKET_PROBLEMS)[number]>;

export const emptyLine = (): BasketLine => ({ sku: '', category: '', quantity: 1, unitPrice: '' });

export const emptyBasket = (): BasketValues => ({
  lines: [emptyLine()],
  redeemPoints: '',
  couponCodes: [],
});

/** An order id the till makes for a new basket: unique, short enough to read out for a return. */
export const newOrderId = (): string => `till-${randomKey().slice(0, 12)}`;

/** A line nobody has started typing: ignored, so a spare empty line never blocks a checkout. */
export const isBlankLine = (line: BasketLine): boolean =>
  line.sku.trim() === '' && line.category.trim() === '' && line.unitPrice.trim() === '';

const quantityOf = (line: BasketLine): number | null => {
  const quantity = Number(line.quantity);
  return line.quantity !== '' && Number.isInteger(quantity) && quantity >= 1 ? quantity : null;
};

/** The problems of the lines a cashier has started, by field path (`lines.0.sku`). */
export function basketProblems(values: BasketValues, minorUnitsPerMajor: number): BasketProblems {
  const problems: BasketProblems = {};
  values.lines.forEach((line, index) => {
    if (isBlankLine(line)) {
      return;
    }
    if (line.sku.trim() === '') {
      problems[`lines.${index}.sku`] = 'skuRequired';
    }
    if (quantityOf(line) === null) {
      problems[`lines.${index}.quantity`] = 'quantityInvalid';
    }
    if (parseMoney(line.unitPrice, minorUnitsPerMajor) === null) {
      problems[`lines.${index}.unitPrice`] = 'priceInvalid';
    }
  });
  return problems;
}

function toLine(
  line: BasketLine,
  minorUnitsPerMajor: number,
): CheckoutBody['lines'][number] | null {
  const sku = line.sku.trim();
  const quantity = quantityOf(line);
  const unitPrice = parseMoney(line.unitPrice, minorUnitsPerMajor);
  if (sku === '' || quantity === null || unitPrice === null) {
    return null;
  }
  const category = line.category.trim();
  return { sku, ...(category === '' ? {} : { category }), quantity, unitPrice };
}

/**
 * The checkout (and simulate) body for the lines that are complete, in minor units; null while
 * no line is. Blank and unfinished lines are left out, so the preview follows the typing.
 */
export function toCheckoutBody(values: BasketValues, context: BasketContext): CheckoutBody | null {
  const lines = values.lines
    .map((line) => toLine(line, context.minorUnitsPerMajor))
    .filter((line): line is NonNullable<typeof line> => line !== null);
  if (lines.length === 0) {
    return null;
  }
  const redeemPoints = Number(values.redeemPoints);
  const couponCodes = [...new Set(values.couponCodes.map((code) => code.trim()))].filter(
    (code) => code !== '',
  );
  return {
    member: { id: context.memberId },
    orderId: context.orderId,
    channel: 'store',
    ...(context.storeId === null ? {} : { storeId: context.storeId }),
    lines,
    ...(values.redeemPoints !== '' && Number.isInteger(redeemPoints) && redeemPoints > 0
      ? { redeemPoints }
      : {}),
    ...(couponCodes.length === 0 ? {} : { couponCodes }),
  };
}

/**
 * Where a checkout answer's field path points on the form: the body's lines skip blank and
 * unfinished ones, so `lines.1` of the body may be `lines.2` of the form.
 */
export function formFieldOf(field: string, values: BasketValues): string {
  const match = /^lines\.(\d+)(\..*)?$/.exec(field);
  if (match === null) {
    return field;
  }
  const sent = values.lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => !isBlankLine(line));
  const formIndex = sent[Number(match[1])]?.index;
  return formIndex === undefined ? field : `lines.${formIndex}${match[2] ?? ''}`;
}
