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

/** The second step of PurchaseListener.beforePurchases: the reactions to the purchases written. */
export type PurchasesReaction = (
  events: readonly PurchaseEvent[],
) => Promise<Map<string, PurchaseReaction>>;

export const NO_REACTION: PurchaseReaction = Object.freeze({ movedPoints: false, messages: [] });

/** The purchase seam: `@ListenerFor(PURCHASE_SEAM)` providers implementing PurchaseListener. */
export const PURCHASE_SEAM = Symbol('purchase listeners');

/** Other domains (referrals, ...) react to purchases and returns inside the same transaction. */
export interface PurchaseListener {
  onPurchase?(manager: EntityManager, event: PurchaseEvent): Promise<PurchaseReaction>;
  /**
   * onPurchase for many members' purchases (a batch of checkouts, one each) in few statements, in
   * two steps: called before the purchases are written, it sends what it reads at once (so the
   * reads share the batch's first round trip) and answers the step that reacts once they are
   * written; that step's reactions are keyed by member.
   */
  beforePurchases?(manager: EntityManager, memberIds: readonly string[]): PurchasesReaction;
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

  /**
   * `purchased` for many members' purchases, one each, in two steps: call it before writing them
   * (listeners send their reads now), and the answer once they are written; reactions by member.
   */
  beforePurchases(manager: EntityManager, memberIds: readonly string[]): PurchasesReaction {
    const steps = this.listeners.map(
      (listener): PurchasesReaction =>
        listener.beforePurchases?.(manager, memberIds) ??
        (async (events) => {
          const reactions = new Map<string, PurchaseReaction>();
          for (const event of events) {
            const reaction = await listener.onPurchase?.(manager, event);
            if (reaction) {
              reactions.set(event.memberId, reaction);
            }
          }
          return reactions;
        }),
    );
    return async (events) => {
      const sums = new Map<string, PurchaseReaction>(
        events.map((e) => [e.memberId, { movedPoints: false, messages: [] }]),
      );
      for (const step of steps) {
        for (const [memberId, reaction] of await step(events)) {
          const sum = sums.get(memberId);
          if (sum) {
            sum.movedPoints ||= reaction.movedPoints;
            sum.messages.push(...reaction.messages);
          }
        }
      }
      return sums;
    };
  }

  async returned(manager: EntityManager, event: ReturnEvent): Promise<void> {
    for (const listener of this.listeners) {
      await listener.onReturn?.(manager, event);
    }
  }
}
