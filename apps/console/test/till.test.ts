import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/api-error';
import en from '../src/i18n/en.json';
import fa from '../src/i18n/fa.json';
import {
  BASKET_PROBLEMS,
  basketProblems,
  emptyBasket,
  formFieldOf,
  newOrderId,
  toCheckoutBody,
  type BasketValues,
} from '../src/pages/till/basket-values';
import { enrolValuesFrom, toCreateMemberBody } from '../src/pages/till/enrol-values';
import { KeyedSender } from '../src/pages/till/keyed-sender';
import { latinDigits, parseMoney } from '../src/pages/till/money-input';
import { toReturnBody } from '../src/pages/till/return-values';
import { BLOCKED_REASONS, blockedBecause } from '../src/pages/till/reward-status';
import { COUPON_TEXTS, TILL_ERROR_CODES, tillErrorText } from '../src/pages/till/till-errors';

describe('parseMoney: a typed amount to minor units', () => {
  it('reads major units with the currency’s decimals', () => {
    expect(parseMoney('12.50', 100)).toBe(1250);
    expect(parseMoney('12.5', 100)).toBe(1250);
    expect(parseMoney('12', 100)).toBe(1200);
    expect(parseMoney('0', 100)).toBe(0);
    expect(parseMoney(' 1,200.05 ', 100)).toBe(120005);
    expect(parseMoney('350000', 1)).toBe(350000);
    expect(parseMoney('4.125', 1000)).toBe(4125);
  });

  it('reads Persian digits and separators as typed on a Persian keyboard', () => {
    expect(parseMoney('۱۲٫۵۰', 100)).toBe(1250);
    expect(parseMoney('۱٬۲۰۰', 100)).toBe(120000);
    expect(parseMoney('٣٤', 100)).toBe(3400);
  });

  it('refuses what is no amount of this currency', () => {
    for (const text of ['', ' ', 'abc', '-5', '1.2.3', '12.345', '1e3', '.']) {
      expect({ text, minor: parseMoney(text, 100) }).toEqual({ text, minor: null });
    }
    expect(parseMoney('12.5', 1)).toBeNull();
  });

  it('rounds to the nearest minor unit when the minor unit is no power of ten', () => {
    expect(parseMoney('1.5', 5)).toBe(8);
  });

  it('turns Persian and Arabic-Indic digits into Latin ones', () => {
    expect(latinDigits('۰۹۱۲ ۱۱۱ ٠٠٠١')).toBe('0912 111 0001');
  });
});

describe('the basket as a checkout request', () => {
  const context = {
    memberId: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11',
    orderId: 'till-abc',
    storeId: 'store-1',
    minorUnitsPerMajor: 100,
  };
  const basket = (values: Partial<BasketValues>): BasketValues => ({ ...emptyBasket(), ...values });

  it('sends complete lines in minor units, with points to redeem and coupon codes', () => {
    const values = basket({
      lines: [
        { sku: ' COF-1 ', category: 'coffee', quantity: 2, unitPrice: '10.00' },
        { sku: 'PAS-1', category: ' ', quantity: '1', unitPrice: '5.5' },
      ],
      redeemPoints: 200,
      couponCodes: ['VAFA-AAAA', ' VAFA-AAAA', ''],
    });
    expect(toCheckoutBody(values, context)).toEqual({
      member: { id: context.memberId },
      orderId: 'till-abc',
      channel: 'store',
      storeId: 'store-1',
      lines: [
        { sku: 'COF-1', category: 'coffee', quantity: 2, unitPrice: 1000 },
        { sku: 'PAS-1', quantity: 1, unitPrice: 550 },
      ],
      redeemPoints: 200,
      couponCodes: ['VAFA-AAAA'],
    });
  });

  it('leaves out a store it has none of, no points and no coupons', () => {
    const values = basket({ lines: [{ sku: 'A', category: '', quantity: 1, unitPrice: '1' }] });
    expect(toCheckoutBody(values, { ...context, storeId: null })).toEqual({
      member: { id: context.memberId },
      orderId: 'till-abc',
      channel: 'store',
      lines: [{ sku: 'A', quantity: 1, unitPrice: 100 }],
    });
  });

  it('previews only the finished lines, and nothing while none is', () => {
    const values = basket({
      lines: [
        { sku: 'A', category: '', quantity: 1, unitPrice: '2' },
        { sku: 'B', category: '', quantity: 1, unitPrice: '' },
        { sku: '', category: '', quantity: 1, unitPrice: '' },
      ],
    });
    expect(toCheckoutBody(values, context)?.lines).toEqual([
      { sku: 'A', quantity: 1, unitPrice: 200 },
    ]);
    expect(toCheckoutBody(emptyBasket(), context)).toBeNull();
  });

  it('names the problems of started lines by field, and ignores blank ones', () => {
    const values = basket({
      lines: [
        { sku: 'A', category: '', quantity: 1, unitPrice: '2' },
        { sku: '', category: '', quantity: 1, unitPrice: '' },
        { sku: '', category: 'x', quantity: 0, unitPrice: '1.234' },
      ],
    });
    expect(basketProblems(values, 100)).toEqual({
      'lines.2.sku': 'skuRequired',
      'lines.2.quantity': 'quantityInvalid',
      'lines.2.unitPrice': 'priceInvalid',
    });
  });

  it('puts an answer’s line problem beside the form line it came from', () => {
    const values = basket({
      lines: [
        { sku: '', category: '', quantity: 1, unitPrice: '' },
        { sku: 'A', category: '', quantity: 1, unitPrice: '2' },
      ],
    });
    expect(formFieldOf('lines.0.unitPrice', values)).toBe('lines.1.unitPrice');
    expect(formFieldOf('redeemPoints', values)).toBe('redeemPoints');
  });

  it('makes a new order id for every basket', () => {
    expect(newOrderId()).toMatch(/^till-[0-9a-f]{12}$/);
    expect(newOrderId()).not.toBe(newOrderId());
  });
});

describe('KeyedSender: a checkout is sent once', () => {
  const keys = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it('answers a double tap with the request already on its way', async () => {
    const sent: string[] = [];
    let finish: (value: string) => void = () => undefined;
    const sender = new KeyedSender<object, string>((_body, key) => {
      sent.push(key);
      return new Promise((resolve) => (finish = resolve));
    }, keys());
    const first = sender.submit({ sku: 'A' });
    const second = sender.submit({ sku: 'A' });
    finish('order');
    await expect(Promise.all([first, second])).resolves.toEqual(['order', 'order']);
    expect(sent).toEqual(['key-1']);
  });

  it('retries a failed request with the same key, and takes a new one for a changed basket', async () => {
    const sent: string[] = [];
    let fail = true;
    const sender = new KeyedSender<object, string>((_body, key) => {
      sent.push(key);
      return fail ? Promise.reject(new Error('offline')) : Promise.resolve(key);
    }, keys());
    await expect(sender.submit({ sku: 'A' })).rejects.toThrow('offline');
    await expect(sender.submit({ sku: 'A' })).rejects.toThrow('offline');
    fail = false;
    await expect(sender.submit({ sku: 'B' })).resolves.toBe('key-2');
    expect(sent).toEqual(['key-1', 'key-1', 'key-2']);
  });

  it('takes a new key after a success and after the basket is cleared', async () => {
    const sender = new KeyedSender<object, string>((_body, key) => Promise.resolve(key), keys());
    await expect(sender.submit({ sku: 'A' })).resolves.toBe('key-1');
    await expect(sender.submit({ sku: 'A' })).resolves.toBe('key-2');
    sender.forget();
    await expect(sender.submit({ sku: 'A' })).resolves.toBe('key-3');
  });
});

describe('enrolling the member nobody found', () => {
  it('puts what was searched for in the field it most likely is', () => {
    expect(enrolValuesFrom('sara@example.com')).toEqual({
      name: '',
      phone: '',
      email: 'sara@example.com',
    });
    expect(enrolValuesFrom('0912 111 0001')).toEqual({
      name: '',
      phone: '0912 111 0001',
      email: '',
    });
    expect(enrolValuesFrom('۰۹۱۲۱۱۱۰۰۰۱')).toEqual({ name: '', phone: '09121110001', email: '' });
    expect(enrolValuesFrom(' Sara Ahmadi ')).toEqual({ name: 'Sara Ahmadi', phone: '', email: '' });
    // A card number the API does not know: cards are issued, never typed in.
    expect(enrolValuesFrom('7426013370995412')).toEqual({ name: '', phone: '', email: '' });
  });

  it('sends only the fields filled in, enrolled in store', () => {
    expect(toCreateMemberBody({ name: ' Sara ', phone: '۰۹۱۲۱۱۱۰۰۰۱', email: '' })).toEqual({
      name: 'Sara',
      phone: '09121110001',
      channel: 'store',
    });
  });
});

describe('returns and rewards', () => {
  it('sends a return’s order and units', () => {
    expect(
      toReturnBody({ orderId: ' till-1 ', lines: [{ sku: ' COF-1 ', quantity: '2' }] }),
    ).toEqual({ orderId: 'till-1', lines: [{ sku: 'COF-1', quantity: 2 }] });
  });

  it('says why a reward cannot be redeemed', () => {
    const reward = { redeemable: false, affordable: true, stockRemaining: 5 };
    expect(blockedBecause({ ...reward, redeemable: true })).toBeNull();
    expect(blockedBecause({ ...reward, affordable: false })).toBe('notAffordable');
    expect(blockedBecause({ ...reward, stockRemaining: 0 })).toBe('outOfStock');
    expect(blockedBecause(reward)).toBe('limitReached');
  });
});

describe('the till’s errors', () => {
  const error = (code: string, details?: unknown) => new ApiError(422, code, 'API says', details);

  it('says a refused coupon with its reason, and an unknown one without', () => {
    expect(tillErrorText(error('COUPON_INVALID', { code: 'VAFA-1', reason: 'used' }))).toEqual({
      key: 'COUPON_INVALID.used',
      values: { code: 'VAFA-1', reason: 'used' },
    });
    expect(
      tillErrorText(
        error('COUPON_INVALID', {
          code: 'VAFA-1',
          reason: 'not_applicable',
          requires: { sku: 'COF-1' },
        }),
      ),
    ).toEqual({
      key: 'COUPON_INVALID.requires',
      values: { code: 'VAFA-1', reason: 'not_applicable', sku: 'COF-1' },
    });
    expect(tillErrorText(error('COUPON_INVALID', { code: 'NOPE' }))?.key).toBe(
      'COUPON_INVALID.unknown',
    );
    expect(tillErrorText(error('COUPON_INVALID', { codes: ['A', 'a'] }))?.key).toBe(
      'COUPON_INVALID.twice',
    );
  });

  it('fills the numbers the API gives, and leaves other codes to the API’s message', () => {
    expect(tillErrorText(error('INSUFFICIENT_POINTS', { requested: 900, available: 120 }))).toEqual(
      {
        key: 'INSUFFICIENT_POINTS',
        values: { requested: 900, available: 120 },
      },
    );
    expect(tillErrorText(error('SOMETHING_ELSE'))).toBeNull();
    expect(tillErrorText(new Error('plain'))).toBeNull();
  });

  it('has every sentence it builds at run time, in both languages', () => {
    const has = (tree: unknown, key: string) =>
      typeof key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree) ===
      'string';
    const keys = [
      ...TILL_ERROR_CODES.map((code) => `till.errors.${code}`),
      ...COUPON_TEXTS.map((text) => `till.errors.COUPON_INVALID.${text}`),
      ...BLOCKED_REASONS.map((reason) => `till.rewards.blocked.${reason}`),
      ...BASKET_PROBLEMS.map((problem) => `till.basket.problems.${problem}`),
    ];
    for (const [language, tree] of [
      ['en', en],
      ['fa', fa],
    ] as const) {
      expect({ language, missing: keys.filter((key) => !has(tree, key)) }).toEqual({
        language,
        missing: [],
      });
    }
  });
});
