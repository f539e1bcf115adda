import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { addDays, Clock, ListenerFor } from '@vafa/platform';
import { MEMBER_VIEW_SEAM, type MemberViewListener } from '@vafa/members';
import { qualificationValues } from './tier-metrics';
import { type CurrentTier, TierLookupQuery } from './tier-lookup.query';
import type { TierQualification } from './tier.entity';

const toTierView = (tier: CurrentTier): Record<string, unknown> => ({
  code: tier.code,
  name: tier.name,
  benefits: tier.benefits,
});

/**
 * Puts the member's tier, its benefits and the progress to the next tier into their views
 * (/v1/me and the staff's), by TierLookupService's one rule; lists get the tier alone.
 */
@Injectable()
@ListenerFor(MEMBER_VIEW_SEAM)
export class TierMemberViewListener implements MemberViewListener {
  constructor(
    private readonly lookup: TierLookupQuery,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async contribute(
    memberId: string,
    view: Record<string, unknown>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const tier = await this.lookup.current(memberId, manager);
    view.tier = tier ? toTierView(tier) : null;
    if ('tierProgress' in view) {
      view.tierProgress = tier ? await this.progress(memberId, tier.rank, manager) : null;
    }
  }

  async contributeMany(
    views: ReadonlyMap<string, Record<string, unknown>>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const tiers = await this.lookup.currentMany([...views.keys()], manager);
    for (const [memberId, view] of views) {
      const tier = tiers.get(memberId);
      view.tier = tier ? toTierView(tier) : null;
      // Only a member's own view (/v1/me) asks for progress; lists do not.
      if ('tierProgress' in view) {
        view.tierProgress = tier ? await this.progress(memberId, tier.rank, manager) : null;
      }
    }
  }

  private async progress(
    memberId: string,
    rank: number,
    manager: EntityManager,
  ): Promise<Record<string, unknown> | null> {
    const [next] = await manager.query<{ code: string; qualification: TierQualification }[]>(
      'SELECT code, qualification FROM tiers WHERE rank > $1 ORDER BY rank LIMIT 1',
      [rank],
    );
    if (!next) {
      return null;
    }
    const now = this.clock.now();
    const current =
      (await qualificationValues(manager, [memberId], now)).get(memberId)?.get(next.code) ?? 0;
    const windowStart = addDays(now, -next.qualification.windowDays);
    const [oldest] = await manager.query<{ at: Date | null }[]>(
      'SELECT min(occurred_at) AS at FROM order_net_values WHERE member_id = $1 AND occurred_at > $2 AND occurred_at <= $3',
      [memberId, windowStart, now],
    );
    const required = Number(next.qualification.threshold);
    return {
      nextTier: next.code,
      metric: next.qualification.metric,
      current,
      required,
      remaining: Math.max(0, required - current),
      // When the oldest purchase that counts now drops out of the rolling window.
      windowEndsAt: oldest?.at
        ? addDays(oldest.at, next.qualification.windowDays).toISOString()
        : null,
    };
  }
}
