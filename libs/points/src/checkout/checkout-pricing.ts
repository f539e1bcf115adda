import { redeemPointsNotWhole, redemptionLimitExceeded } from '../points.errors';
import { allocateDiscount } from '../rules';

export interface PricingSettings {
  redemptionPoints: number;
  redemptionValue: number;
  maxRedeemPercent: number;
}

export interface Pricing {
  subtotal: number;
  couponDiscount: number;
  pointsDiscount: number;
  total: number;
  /** What each line cost after all order discounts: points are earned on this. */
  netAmounts: number[];
}

/**
 * The till's arithmetic, in minor units: subtotal, coupons, then points as money at the
 * program's rate (only whole minor units, at most maxRedeemPercent of what coupons leave), and
 * the discounts spread over the lines in proportion (largest remainder, so they add up exactly).
 */
export function priceOrder(
  lines: { quantity: number; unitPrice: number }[],
  couponDiscount: number,
  redeemPoints: number,
  settings: PricingSettings,
): Pricing {
  const amounts = lines.map((l) => l.quantity * l.unitPrice);
  const subtotal = amounts.reduce((a, b) => a + b, 0);
  const afterCoupons = Math.max(0, subtotal - couponDiscount);
  const appliedCoupons = subtotal - afterCoupons;
  const scaled = redeemPoints * settings.redemptionValue;
  if (scaled % settings.redemptionPoints !== 0) {
    const step =
      settings.redemptionPoints / gcd(settings.redemptionPoints, settings.redemptionValue);
    throw redeemPointsNotWhole(step);
  }
  const pointsDiscount = scaled / settings.redemptionPoints;
  const cap = Math.floor((afterCoupons * settings.maxRedeemPercent) / 100);
  if (pointsDiscount > cap) {
    const maxPoints = Math.floor((cap * settings.redemptionPoints) / settings.redemptionValue);
    throw redemptionLimitExceeded(cap, maxPoints);
  }
  const discount = appliedCoupons + pointsDiscount;
  const allocated = allocateDiscount(amounts, discount);
  return {
    subtotal,
    couponDiscount: appliedCoupons,
    pointsDiscount,
    total: subtotal - discount,
    netAmounts: amounts.map((a, i) => a - (allocated[i] ?? 0)),
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
