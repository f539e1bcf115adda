import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { discoverOneListener } from '@vafa/platform';

export interface CheckoutTier {
  code: string;
  name: string;
  /** 1 when the tier brings no extra points. */
  multiplier: number;
}

/** The tier seam: at most one `@ListenerFor(TIER_SEAM)` provider implementing TierListener. */
export const TIER_SEAM = Symbol('tier listener');

/** Implemented by the tiers library. */
export interface TierListener {
  current(memberId: string, manager?: EntityManager): Promise<CheckoutTier | null>;
  /** Upgrades the member at once if the purchase just written crossed a threshold; never downgrades. */
  afterPurchase(
    manager: EntityManager,
    memberId: string,
    order: CheckoutOrderRef,
  ): Promise<CheckoutTier | null>;
}

/** The order a checkout wrote: the merchant's id and Vafa's. */
export interface CheckoutOrderRef {
  orderId: string;
  checkoutId: string;
}

/** Where checkout meets tiers: without a tier listener (no tiers library), members have no tier. */
@Injectable()
export class TierSeam implements OnModuleInit {
  private provider?: TierListener;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.provider = discoverOneListener(this.discovery, TIER_SEAM);
  }

  current(memberId: string, manager?: EntityManager): Promise<CheckoutTier | null> {
    return this.provider ? this.provider.current(memberId, manager) : Promise.resolve(null);
  }

  afterPurchase(
    manager: EntityManager,
    memberId: string,
    order: CheckoutOrderRef,
  ): Promise<CheckoutTier | null> {
    return this.provider
      ? this.provider.afterPurchase(manager, memberId, order)
      : Promise.resolve(null);
  }
}
