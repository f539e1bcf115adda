import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '@vafa/platform';
import { LedgerQueries } from '@vafa/ledger';
import { MemberViewRegistry } from '@vafa/members';

/** Puts the member's real points (available, pending, lifetime, expiring soon) into /v1/me. */
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
        if ('points' in view)
          view.points = await this.ledger.pointsSummary(memberId, this.clock.now());
      },
    });
  }
}
