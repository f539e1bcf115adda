import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface CheckoutTier {
  code: string;
  name: string;
  /** 1 when the tier brings no extra points. */
  multiplier: number;
}

/** Implemented by the tiers library. */
export interface TierProvider {
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

/** Where checkout meets tiers: without a provider, members have no tier. */
@Injectable()
export class TierHook {
  private provider?: TierProvider;

  register(provider: TierProvider): void {
    this.provider = provider;
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
