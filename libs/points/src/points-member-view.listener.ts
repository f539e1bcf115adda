import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, ListenerFor } from '@vafa/platform';
import { LedgerQuery } from '@vafa/ledger';
import { MEMBER_VIEW_SEAM, type MemberViewListener } from '@vafa/members';

/**
 * Puts the member's real points (available, pending, lifetime, expiring soon) into their views:
 * /v1/me and the staff views of members.
 */
@Injectable()
@ListenerFor(MEMBER_VIEW_SEAM)
export class PointsMemberViewListener implements MemberViewListener {
  constructor(
    private readonly ledger: LedgerQuery,
    private readonly clock: Clock,
  ) {}

  async contribute(
    memberId: string,
    view: Record<string, unknown>,
    manager?: EntityManager,
  ): Promise<void> {
    if ('points' in view) {
      view.points = await this.ledger.pointsSummary(memberId, this.clock.now(), 30, manager);
    }
  }

  async contributeMany(
    views: ReadonlyMap<string, Record<string, unknown>>,
    manager?: EntityManager,
  ): Promise<void> {
    const wanting = [...views].filter(([, view]) => 'points' in view).map(([id]) => id);
    if (wanting.length === 0) {
      return;
    }
    const summaries = await this.ledger.pointsSummaries(wanting, this.clock.now(), 30, manager);
    for (const id of wanting) {
      const view = views.get(id);
      if (view) {
        view.points = summaries.get(id);
      }
    }
  }
}
