import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PurchaseEvent {
  memberId: string;
  orderUuid: string;
  orderId: string;
  /** What the member paid, minor units. */
  total: number;
  occurredAt: Date;
}

export interface ReturnEvent {
  memberId: string;
  orderUuid: string;
  orderId: string;
  /** What the order is still worth after all its returns, minor units. */
  remainingTotal: number;
}

/** Other domains (referrals, ...) react to purchases and returns inside the same transaction. */
export interface PurchaseListener {
  /** Resolves true when it moved the member's points (so the checkout re-reads the balance). */
  onPurchase?(manager: EntityManager, event: PurchaseEvent): Promise<boolean>;
  onReturn?(manager: EntityManager, event: ReturnEvent): Promise<void>;
}

@Injectable()
export class PurchaseHooks {
  private readonly listeners: PurchaseListener[] = [];

  register(listener: PurchaseListener): void {
    this.listeners.push(listener);
  }

  async purchased(manager: EntityManager, event: PurchaseEvent): Promise<boolean> {
    let moved = false;
    for (const listener of this.listeners)
      moved = (await listener.onPurchase?.(manager, event)) === true || moved;
    return moved;
  }

  async returned(manager: EntityManager, event: ReturnEvent): Promise<void> {
    for (const listener of this.listeners) await listener.onReturn?.(manager, event);
  }
}
