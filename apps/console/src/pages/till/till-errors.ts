import { ApiError } from '../../api/api-error';

/** The API codes the till says in the cashier's language; any other shows the API's message. */
export const TILL_ERROR_CODES = [
  'MEMBER_NOT_FOUND',
  'MEMBER_EXISTS',
  'PHONE_INVALID',
  'INSUFFICIENT_POINTS',
  'REDEMPTION_LIMIT_EXCEEDED',
  'REDEEM_POINTS_NOT_WHOLE',
  'ORDER_EXISTS',
  'ORDER_NOT_FOUND',
  'RETURN_EXCEEDS_PURCHASE',
  'STORE_MISMATCH',
  'REWARD_NOT_FOUND',
  'REWARD_OUT_OF_STOCK',
  'REWARD_LIMIT_REACHED',
] as const;

/** Why a coupon the member holds was refused (`details.reason`); none for an unknown code. */
const COUPON_REASONS = ['used', 'expired', 'cancelled', 'not_applicable'] as const;

/** Every `till.errors.COUPON_INVALID.*` sentence: the reasons, a SKU it needs, unknown, twice. */
export const COUPON_TEXTS = [...COUPON_REASONS, 'requires', 'unknown', 'twice'] as const;

/** A translation key under `till.errors.` and the values it is filled with. */
export interface TillErrorText {
  key: string;
  values: Record<string, string | number>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Only the details' own strings and numbers, so a translation never shows "[object Object]". */
function plainDetails(details: unknown): Record<string, string | number> {
  if (!isRecord(details)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(details).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}

function couponText(details: unknown): TillErrorText {
  const values = plainDetails(details);
  const reason = isRecord(details) ? details.reason : undefined;
  const requires = isRecord(details) && isRecord(details.requires) ? details.requires : undefined;
  if (reason === 'not_applicable' && typeof requires?.sku === 'string') {
    return { key: 'COUPON_INVALID.requires', values: { ...values, sku: requires.sku } };
  }
  if (typeof reason === 'string' && (COUPON_REASONS as readonly string[]).includes(reason)) {
    return { key: `COUPON_INVALID.${reason}`, values };
  }
  // An unknown code, another member's, or the same code twice: the API says no more than that.
  return {
    key: typeof values.code === 'string' ? 'COUPON_INVALID.unknown' : 'COUPON_INVALID.twice',
    values,
  };
}

/** What the till says for an API error it knows, or null for the API's own message. */
export function tillErrorText(error: unknown): TillErrorText | null {
  if (!(error instanceof ApiError)) {
    return null;
  }
  if (error.code === 'COUPON_INVALID') {
    return couponText(error.details);
  }
  if ((TILL_ERROR_CODES as readonly string[]).includes(error.code)) {
    return { key: error.code, values: plainDetails(error.details) };
  }
  return null;
}
