import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DiscoveryService } from '@nestjs/core';
import { discoverListeners } from '@vafa/platform';

/** The member view seam: `@ListenerFor(MEMBER_VIEW_SEAM)` providers implementing MemberViewListener. */
export const MEMBER_VIEW_SEAM = Symbol('member view listeners');

/** Adds one domain's part (points, tier, ...) to a member's view. */
export interface MemberViewListener {
  /** Reads through `manager` when given (the view's own connection), else the pool. */
  contribute(
    memberId: string,
    view: Record<string, unknown>,
    manager?: EntityManager,
  ): Promise<void>;
  /**
   * The same for many members at once (lists), in a fixed number of statements rather than a
   * round of them per member. Contributors without it are called per member.
   */
  contributeMany?(
    views: ReadonlyMap<string, Record<string, unknown>>,
    manager?: EntityManager,
  ): Promise<void>;
}

/**
 * Other libraries listen here so that the member's own view (`/v1/me`) and the staff views
 * (`/v1/members/...`) show their part without this library depending on them (dependencies
 * point from the domains to members, never back). A contributor fills what the base view holds
 * a key for: `tierProgress` only where the base has it.
 */
@Injectable()
export class MemberViewSeam implements OnModuleInit {
  private contributors: MemberViewListener[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.contributors = discoverListeners(this.discovery, MEMBER_VIEW_SEAM);
  }

  /** One member's view; the contributors read at once (each fills its own keys). */
  async build(
    memberId: string,
    base: Record<string, unknown>,
    manager?: EntityManager,
  ): Promise<Record<string, unknown>> {
    const view = { ...base };
    await Promise.all(this.contributors.map((c) => c.contribute(memberId, view, manager)));
    return view;
  }

  /**
   * Views of many members, keyed by member id, in the order given; the contributors read at once,
   * through `manager` when given (one connection), else the pool.
   */
  async buildMany(
    bases: readonly (Record<string, unknown> & { id: string })[],
    manager?: EntityManager,
  ): Promise<Record<string, unknown>[]> {
    const views = new Map<string, Record<string, unknown>>(bases.map((b) => [b.id, { ...b }]));
    if (views.size === 0) {
      return [];
    }
    await Promise.all(
      this.contributors.map(async (contributor) => {
        if (contributor.contributeMany) {
          await contributor.contributeMany(views, manager);
        } else {
          for (const [id, view] of views) {
            await contributor.contribute(id, view, manager);
          }
        }
      }),
    );
    return bases.map((b) => views.get(b.id) as Record<string, unknown>);
  }
}
