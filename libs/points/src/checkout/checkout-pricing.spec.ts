import { priceOrder } from './checkout-pricing';

const settings = { redemptionPoints: 100, redemptionValue: 100, maxRedeemPercent: 50 };

describe('priceOrder', () => {
  it('takes coupons, then points at the program rate, and spreads the discount exactly', () => {
    const p = priceOrder(
      [
        { quantity: 2, unitPrice: 1000 },
        { quantity: 1, unitPrice: 999 },
      ],
      300,
      500,
      settings,
    );
    expect(p).toMatchObject({
      subtotal: 2999,
      couponDiscount: 300,
      pointsDiscount: 500,
      total: 2199,
    });
    expect(p.netAmounts.reduce((a, b) => a + b, 0)).toBe(2199);
  });

  it('caps points at maxRedeemPercent of what coupons leave', () => {
    expect(() => priceOrder([{ quantity: 1, unitPrice: 1000 }], 0, 501, settings)).toThrow(
      expect.objectContaining({
        code: 'REDEMPTION_LIMIT_EXCEEDED',
        details: { maxPoints: 500, maxDiscount: 500 },
      }),
    );
  });

  it('redeems only whole minor units', () => {
    const odd = { redemptionPoints: 150, redemptionValue: 100, maxRedeemPercent: 100 };
    expect(priceOrder([{ quantity: 1, unitPrice: 1000 }], 0, 300, odd).pointsDiscount).toBe(200);
    expect(() => priceOrder([{ quantity: 1, unitPrice: 1000 }], 0, 100, odd)).toThrow(
      expect.objectContaining({ code: 'REDEEM_POINTS_NOT_WHOLE', details: { step: 3 } }),
    );
  });

  it('never takes coupons past zero', () => {
    expect(priceOrder([{ quantity: 1, unitPrice: 500 }], 800, 0, settings)).toMatchObject({
      couponDiscount: 500,
      total: 0,
    });
  });
});
