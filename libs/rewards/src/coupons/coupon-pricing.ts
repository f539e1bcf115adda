import type { CouponApplication } from '@vafa/points';
import type { RewardType } from '../catalog/reward.entity';
import { couponRefused } from '../rewards.errors';

/** A valid coupon the member handed over, with the terms it was issued with. */
export interface HeldCoupon {
  code: string;
  name: string;
  type: RewardType;
  /** discount_amount: minor units; discount_percent: 1..100. */
  amount: number | null;
  /** free_product: the SKU. */
  sku: string | null;
}

/**
 * What each coupon takes off the order, in the order given: an amount takes min(value, subtotal),
 * a percentage floor(subtotal × pct / 100), a free product the unit price of one unit of its SKU
 * in the order (each unit free at most once). Together they never exceed the subtotal.
 * Throws 422 COUPON_INVALID (reason not_applicable) for a coupon that cannot apply to this order.
 */
export function priceCoupons(
  order: { lines: { sku: string; quantity: number; unitPrice: number }[]; subtotal: number },
  coupons: HeldCoupon[],
): CouponApplication[] {
  let left = order.subtotal;
  const freeUnits = new Map<number, number>();
  return coupons.map((coupon) => {
    let discount: number;
    let description: string;
    switch (coupon.type) {
      case 'discount_amount':
        discount = Math.min(coupon.amount ?? 0, order.subtotal);
        description = coupon.name;
        break;
      case 'discount_percent':
        discount = Math.floor((order.subtotal * (coupon.amount ?? 0)) / 100);
        description = `${coupon.name} (${coupon.amount}% off)`;
        break;
      case 'free_product': {
        const line = order.lines.findIndex(
          (l, i) => l.sku === coupon.sku && l.quantity > (freeUnits.get(i) ?? 0),
        );
        const found = order.lines[line];
        if (!found) {
          throw couponRefused(coupon.code, 'not_applicable', {
            requires: { sku: coupon.sku ?? '' },
          });
        }
        freeUnits.set(line, (freeUnits.get(line) ?? 0) + 1);
        discount = found.unitPrice;
        description = `${coupon.name} (one ${found.sku} free)`;
        break;
      }
      case 'service_perk':
      case 'gift':
        throw couponRefused(coupon.code, 'not_applicable', { perk: true });
    }
    discount = Math.max(0, Math.min(discount, left));
    left -= discount;
    return { code: coupon.code, discount, description };
  });
}
