import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '@vafa/platform';
import { LedgerQueries } from '@vafa/ledger';
import { MemberViewRegistry } from '@vafa/members';

/**
 * Puts the member's real points (available, pending, lifetime, expiring soon) into their views:
 * /v1/me and the staff views of members.
 */
@Injectable()
export class MemberPointsView implements OnModuleInit {
  constructor(
    private readonly registry: MemberViewRegistry,
    private readonly ledger: LedgerQueries,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      contribute: async (memberId, view) => {
        if ('points' in view) {
          view.points = await this.ledger.pointsSummary(memberId, this.clock.now());
        }
      },
      contributeMany: async (views) => {
        const wanting = [...views].filter(([, view]) => 'points' in view).map(([id]) => id);
        if (wanting.length === 0) {
          return;
        }
        const summaries = await this.ledger.pointsSummaries(wanting, this.clock.now());
        for (const id of wanting) {
          const view = views.get(id);
          if (view) {
            view.points = summaries.get(id);
          }
        }
      },
    });
  }
}
