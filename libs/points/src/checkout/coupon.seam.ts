import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { discoverOneListener } from '@vafa/platform';
import { couponGivenTwice, couponInvalid } from '../points.errors';

export interface CouponApplication {
  code: string;
  /** Minor units taken off the order. */
  discount: number;
  description: string;
}

export interface CouponOrder {
  memberId: string;
  /** Lines as priced at the till (minor units), for free-product and percent coupons. */
  lines: { sku: string; quantity: number; unitPrice: number }[];
  subtotal: number;
  at: Date;
}

/** The order that used coupons, as written at checkout. */
export interface CouponUse extends CouponOrder {
  orderUuid: string;
  /** The merchant's order id. */
  orderId: string;
  storeId: string | null;
}

/** The coupon seam: at most one `@ListenerFor(COUPON_SEAM)` provider implementing CouponListener. */
export const COUPON_SEAM = Symbol('coupon listener');

/** Implemented by the rewards library, which issues coupons. */
export interface CouponListener {
  /** Prices the codes for this member's order; throws 422 COUPON_INVALID for any bad code. */
  price(order: CouponOrder, codes: string[], manager?: EntityManager): Promise<CouponApplication[]>;
  /** Marks the priced coupons used by the order (and says so), in the checkout's transaction. */
  markUsed(manager: EntityManager, order: CouponUse, coupons: CouponApplication[]): Promise<void>;
  /** Gives an order's coupons back when the order is returned in full. */
  giveBack(manager: EntityManager, memberId: string, orderUuid: string): Promise<void>;
}

/**
 * Where checkout meets coupons. Without a coupon listener (no rewards library), every code
 * is invalid: a checkout never silently ignores a code the shopper handed over.
 */
@Injectable()
export class CouponSeam implements OnModuleInit {
  private redeemer?: CouponListener;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.redeemer = discoverOneListener(this.discovery, COUPON_SEAM);
  }

  async price(
    order: CouponOrder,
    codes: string[],
    manager?: EntityManager,
  ): Promise<CouponApplication[]> {
    if (codes.length === 0) {
      return [];
    }
    const unique = [...new Set(codes.map((c) => c.trim().toUpperCase()))];
    if (unique.length !== codes.length) {
      throw couponGivenTwice(codes);
    }
    if (!this.redeemer) {
      throw couponInvalid(unique[0] ?? '');
    }
    return this.redeemer.price(order, unique, manager);
  }

  /** `coupons` as `price` answered them (codes normalised). */
  async markUsed(
    manager: EntityManager,
    order: CouponUse,
    coupons: CouponApplication[],
  ): Promise<void> {
    if (coupons.length > 0 && this.redeemer) {
      await this.redeemer.markUsed(manager, order, coupons);
    }
  }

  async giveBack(manager: EntityManager, memberId: string, orderUuid: string): Promise<void> {
    if (this.redeemer) {
      await this.redeemer.giveBack(manager, memberId, orderUuid);
    }
  }
}
