import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { discoverListeners } from '@vafa/platform';

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

/** What a listener did about a purchase. */
export interface PurchaseReaction {
  /** It moved the member's points (so the checkout re-reads the balance). */
  movedPoints: boolean;
  /** What the till should tell the member (e.g. a referral welcome bonus). */
  messages: string[];
}

export const NO_REACTION: PurchaseReaction = Object.freeze({ movedPoints: false, messages: [] });

/** The purchase seam: `@ListenerFor(PURCHASE_SEAM)` providers implementing PurchaseListener. */
export const PURCHASE_SEAM = Symbol('purchase listeners');

/** Other domains (referrals, ...) react to purchases and returns inside the same transaction. */
export interface PurchaseListener {
  onPurchase?(manager: EntityManager, event: PurchaseEvent): Promise<PurchaseReaction>;
  /** onPurchase for many members' purchases (one each) in few statements; keyed by member. */
  onPurchases?(
    manager: EntityManager,
    events: readonly PurchaseEvent[],
  ): Promise<Map<string, PurchaseReaction>>;
  onReturn?(manager: EntityManager, event: ReturnEvent): Promise<void>;
}

/** Calls the purchase listeners, in module order. */
@Injectable()
export class PurchaseSeam implements OnModuleInit {
  private listeners: PurchaseListener[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.listeners = discoverListeners(this.discovery, PURCHASE_SEAM);
  }

  async purchased(manager: EntityManager, event: PurchaseEvent): Promise<PurchaseReaction> {
    let movedPoints = false;
    const messages: string[] = [];
    for (const listener of this.listeners) {
      const reaction = await listener.onPurchase?.(manager, event);
      if (!reaction) {
        continue;
      }
      movedPoints ||= reaction.movedPoints;
      messages.push(...reaction.messages);
    }
    return { movedPoints, messages };
  }

  /** `purchased` for many members' purchases, one each; the reactions keyed by member. */
  async purchasedMany(
    manager: EntityManager,
    events: readonly PurchaseEvent[],
  ): Promise<Map<string, PurchaseReaction>> {
    const reactions = new Map<string, PurchaseReaction>(
      events.map((e) => [e.memberId, { movedPoints: false, messages: [] }]),
    );
    const add = (memberId: string, reaction: PurchaseReaction | undefined): void => {
      const sum = reactions.get(memberId);
      if (sum && reaction) {
        sum.movedPoints ||= reaction.movedPoints;
        sum.messages.push(...reaction.messages);
      }
    };
    for (const listener of this.listeners) {
      if (listener.onPurchases) {
        const answered = await listener.onPurchases(manager, events);
        for (const [memberId, reaction] of answered) {
          add(memberId, reaction);
        }
      } else if (listener.onPurchase) {
        for (const event of events) {
          add(event.memberId, await listener.onPurchase(manager, event));
        }
      }
    }
    return reactions;
  }

  async returned(manager: EntityManager, event: ReturnEvent): Promise<void> {
    for (const listener of this.listeners) {
      await listener.onReturn?.(manager, event);
    }
  }
}
