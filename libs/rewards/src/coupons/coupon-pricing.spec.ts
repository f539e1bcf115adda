import { COUPON_CODE_PATTERN, newCouponCode } from '../redemptions/coupon-code';
import { HeldCoupon, priceCoupons } from './coupon-pricing';

const order = {
  lines: [
    { sku: 'LATTE', quantity: 1, unitPrice: 450 },
    { sku: 'BAGEL', quantity: 2, unitPrice: 300 },
  ],
  subtotal: 1050,
};
const coupon = (fields: Partial<HeldCoupon>): HeldCoupon => ({
  code: 'VAFA-0000000000AB',
  name: 'Coupon',
  type: 'discount_amount',
  amount: null,
  sku: null,
  ...fields,
});

describe('priceCoupons', () => {
  it('takes min(value, subtotal) for an amount and floor(subtotal × pct / 100) for a percentage', () => {
    expect(priceCoupons(order, [coupon({ amount: 500 })])[0]?.discount).toBe(500);
    expect(priceCoupons(order, [coupon({ amount: 5000 })])[0]?.discount).toBe(1050);
    expect(
      priceCoupons(order, [coupon({ type: 'discount_percent', amount: 15 })])[0]?.discount,
    ).toBe(157); // 157.5 rounds down
  });

  it('gives one unit of a free product, each unit at most once', () => {
    const free = coupon({ type: 'free_product', sku: 'BAGEL' });
    expect(priceCoupons(order, [free])[0]?.discount).toBe(300);
    const two = priceCoupons(order, [free, { ...free, code: 'VAFA-0000000000AC' }]);
    expect(two.map((c) => c.discount)).toEqual([300, 300]);
    expect(() =>
      priceCoupons(order, [
        coupon({ type: 'free_product', sku: 'LATTE' }),
        coupon({ type: 'free_product', sku: 'LATTE', code: 'VAFA-0000000000AD' }),
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'COUPON_INVALID',
        details: {
          code: 'VAFA-0000000000AD',
          reason: 'not_applicable',
          requires: { sku: 'LATTE' },
        },
      }),
    );
    expect(() => priceCoupons(order, [coupon({ type: 'free_product', sku: 'TEA' })])).toThrow(
      expect.objectContaining({
        code: 'COUPON_INVALID',
        message: 'The coupon VAFA-0000000000AB needs TEA in the order (one unit free).',
        details: { code: 'VAFA-0000000000AB', reason: 'not_applicable', requires: { sku: 'TEA' } },
      }),
    );
  });

  it('never takes more than the subtotal in total', () => {
    const all = priceCoupons(order, [
      coupon({ amount: 800 }),
      coupon({ type: 'discount_percent', amount: 50, code: 'VAFA-0000000000AE' }),
    ]);
    expect(all.map((c) => c.discount)).toEqual([800, 250]);
  });

  it('refuses perks at the till', () => {
    expect(() => priceCoupons(order, [coupon({ type: 'gift' })])).toThrow(
      expect.objectContaining({
        code: 'COUPON_INVALID',
        details: { code: 'VAFA-0000000000AB', reason: 'not_applicable' },
      }),
    );
  });
});

describe('newCouponCode', () => {
  it('draws VAFA- and 12 Crockford base32 characters, different every time', () => {
    const codes = Array.from({ length: 2000 }, () => newCouponCode());
    for (const c of codes) {
      expect(c).toMatch(COUPON_CODE_PATTERN);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });
});
