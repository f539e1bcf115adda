import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ListenerFor } from '@vafa/platform';
import {
  type CheckoutOrderRef,
  type CheckoutTier,
  TIER_SEAM,
  type TierListener,
} from '@vafa/points';
import { TierStandingUseCase } from './tier-standing.usecase';

/** The checkout's tier: the member's multiplier, and an upgrade the purchase just earned. */
@Injectable()
@ListenerFor(TIER_SEAM)
export class TierCheckoutListener implements TierListener {
  constructor(private readonly standing: TierStandingUseCase) {}

  current(memberId: string, manager?: EntityManager): Promise<CheckoutTier | null> {
    return this.standing.current(memberId, manager);
  }

  afterPurchase(
    manager: EntityManager,
    memberId: string,
    order: CheckoutOrderRef,
  ): Promise<CheckoutTier | null> {
    return this.standing.afterPurchase(manager, memberId, order);
  }

  currentMany(
    memberIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, CheckoutTier | null>> {
    return this.standing.currentMany(memberIds, manager);
  }

  afterPurchases(
    manager: EntityManager,
    orders: ReadonlyMap<string, CheckoutOrderRef>,
  ): Promise<Map<string, CheckoutTier | null>> {
    return this.standing.afterPurchases(manager, orders);
  }
}
