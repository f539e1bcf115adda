import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@vafa/platform';
import { RecordActivityUseCase } from '@vafa/ledger';
import { CheckoutTier, TierHook, TierProvider } from '@vafa/points';
import { decideTier, MemberStanding, TierDecision, TierRule } from './tier-qualification';
import { qualificationValues } from './tier-metrics';
import { type CurrentTier, type TierDefinition, TierLookupService } from './tier-lookup.service';

const toRule = (t: TierDefinition): TierRule => ({
  code: t.code,
  rank: t.rank,
  threshold: Number(t.qualification.threshold),
  downgradeGraceDays: t.downgradeGraceDays,
});

/** Moves members between tiers: upgrades inside checkouts, downgrades in the nightly job. */
@Injectable()
export class TierStandingService implements TierProvider, OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: TierLookupService,
    private readonly activity: RecordActivityUseCase,
    private readonly hook: TierHook,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hook.register(this);
  }

  async current(memberId: string, manager?: EntityManager): Promise<CheckoutTier | null> {
    return toCheckoutTier(await this.lookup.current(memberId, manager));
  }

  async afterPurchase(manager: EntityManager, memberId: string): Promise<CheckoutTier | null> {
    const { tierCodes } = await this.evaluate(manager, [memberId], this.clock.now(), false);
    const code = tierCodes.get(memberId);
    return toCheckoutTier(code === undefined ? null : await this.lookup.byCode(code, manager));
  }

  /** Decides and stores the standing of a batch of members in a few set-based statements. */
  async evaluate(
    manager: EntityManager,
    memberIds: string[],
    now: Date,
    nightly: boolean,
  ): Promise<{ upgraded: number; downgraded: number; tierCodes: Map<string, string> }> {
    const tierCodes = new Map<string, string>();
    const tiers = await this.lookup.tiers(manager);
    if (tiers.length === 0 || memberIds.length === 0)
      return { upgraded: 0, downgraded: 0, tierCodes };
    const rules = tiers.map(toRule);
    const values = await qualificationValues(manager, memberIds, now);
    const standings = await manager.query<
      { member_id: string; tier_code: string; below_since: Date | null }[]
    >(
      'SELECT member_id, tier_code, below_since FROM member_tiers WHERE member_id = ANY($1::uuid[])',
      [memberIds],
    );
    const byMember = new Map<string, MemberStanding>(
      standings.map((s) => [s.member_id, { code: s.tier_code, belowSince: s.below_since }]),
    );
    const decisions: [string, TierDecision][] = [];
    for (const memberId of memberIds) {
      const standing = byMember.get(memberId) ?? null;
      const decision = decideTier(
        rules,
        values.get(memberId) ?? new Map<string, number>(),
        standing,
        now,
        nightly,
      );
      const code = decision?.code ?? standing?.code;
      if (code !== undefined) tierCodes.set(memberId, code);
      if (!decision) continue;
      const unchanged =
        standing &&
        standing.code === decision.code &&
        standing.belowSince?.getTime() === decision.belowSince?.getTime();
      const implicitLowest = !standing && decision.change === null && decision.belowSince === null;
      if (!unchanged && !implicitLowest) decisions.push([memberId, decision]);
    }
    if (decisions.length > 0) {
      await manager.query(
        `INSERT INTO member_tiers (member_id, tier_code, achieved_at, below_since)
         SELECT member_id, code, $4, below_since FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS d(member_id, code, below_since)
         ON CONFLICT (member_id) DO UPDATE SET
           achieved_at = CASE WHEN member_tiers.tier_code = EXCLUDED.tier_code THEN member_tiers.achieved_at ELSE EXCLUDED.achieved_at END,
           tier_code = EXCLUDED.tier_code, below_since = EXCLUDED.below_since, updated_at = now()`,
        [
          decisions.map(([m]) => m),
          decisions.map(([, d]) => d.code),
          decisions.map(([, d]) => d.belowSince),
          now,
        ],
      );
    }
    const names = new Map(tiers.map((t) => [t.code, t.name]));
    let upgraded = 0;
    let downgraded = 0;
    for (const [memberId, decision] of decisions) {
      if (!decision.change) continue;
      if (decision.change === 'upgrade') upgraded++;
      else downgraded++;
      const name = names.get(decision.code) ?? decision.code;
      await this.activity.execute(
        {
          memberId,
          kind: 'tier',
          idempotencyKey: `tier:${decision.change}:${decision.code}:${now.toISOString()}`,
          description:
            decision.change === 'upgrade'
              ? `Welcome to ${name}! Your new tier starts now.`
              : `Your tier is now ${name}.`,
          reference: { tier: decision.code, change: decision.change },
          occurredAt: now,
        },
        manager,
      );
    }
    return { upgraded, downgraded, tierCodes };
  }
}

const toCheckoutTier = (tier: CurrentTier | null): CheckoutTier | null =>
  tier
    ? { code: tier.code, name: tier.name, multiplier: tier.benefits.pointsMultiplier ?? 1 }
    : null;
