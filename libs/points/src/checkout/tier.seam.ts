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
  /** `current` for many members (a batch of checkouts) in few statements. */
  currentMany?(
    memberIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, CheckoutTier | null>>;
  /** `afterPurchase` for many members' orders (one each) in few statements. */
  afterPurchases?(
    manager: EntityManager,
    orders: ReadonlyMap<string, CheckoutOrderRef>,
  ): Promise<Map<string, CheckoutTier | null>>;
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

  /** Each member's tier; one call per member when the listener has no set-based method. */
  async currentMany(
    memberIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, CheckoutTier | null>> {
    const provider = this.provider;
    if (provider?.currentMany) {
      return provider.currentMany(memberIds, manager);
    }
    const tiers = new Map<string, CheckoutTier | null>();
    for (const memberId of memberIds) {
      tiers.set(memberId, provider ? await provider.current(memberId, manager) : null);
    }
    return tiers;
  }

  /** Each member's tier after their order; per member when there is no set-based method. */
  async afterPurchases(
    manager: EntityManager,
    orders: ReadonlyMap<string, CheckoutOrderRef>,
  ): Promise<Map<string, CheckoutTier | null>> {
    const provider = this.provider;
    if (provider?.afterPurchases) {
      return provider.afterPurchases(manager, orders);
    }
    const tiers = new Map<string, CheckoutTier | null>();
    for (const [memberId, order] of orders) {
      tiers.set(memberId, provider ? await provider.afterPurchase(manager, memberId, order) : null);
    }
    return tiers;
  }
}
