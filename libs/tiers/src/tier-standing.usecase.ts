import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, EventOutbox, runByMemberShard, type OutboxEvent } from '@vafa/platform';
import { RecordActivityUseCase } from '@vafa/ledger';
import type { CheckoutOrderRef, CheckoutTier } from '@vafa/points';
import type { TierChangeData } from './events/tier-events.dto';
import { decideTier, MemberStanding, TierDecision, TierRule } from './tier-qualification';
import { qualificationValues } from './tier-metrics';
import { type CurrentTier, type TierDefinition, TierLookupQuery } from './tier-lookup.query';

const toRule = (t: TierDefinition): TierRule => ({
  code: t.code,
  rank: t.rank,
  threshold: Number(t.qualification.threshold),
  downgradeGraceDays: t.downgradeGraceDays,
});

/** Moves members between tiers: upgrades inside checkouts, downgrades in the nightly job. */
@Injectable()
export class TierStandingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: TierLookupQuery,
    private readonly activity: RecordActivityUseCase,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async current(memberId: string, manager?: EntityManager): Promise<CheckoutTier | null> {
    return toCheckoutTier(await this.lookup.current(memberId, manager));
  }

  async afterPurchase(
    manager: EntityManager,
    memberId: string,
    order: CheckoutOrderRef,
  ): Promise<CheckoutTier | null> {
    const tiers = await this.afterPurchases(manager, new Map([[memberId, order]]));
    return tiers.get(memberId) ?? null;
  }

  /** Each member's tier (after an upgrade their order earned), for many members at once. */
  async afterPurchases(
    manager: EntityManager,
    orders: ReadonlyMap<string, CheckoutOrderRef>,
  ): Promise<Map<string, CheckoutTier | null>> {
    const memberIds = [...orders.keys()];
    const { tierCodes } = await this.evaluate(manager, memberIds, this.clock.now(), false, orders);
    const tiers = new Map<string, CheckoutTier | null>();
    // Unknown when someone else changed the standing meanwhile: read what it is now.
    const unknown = memberIds.filter((id) => !tierCodes.has(id));
    const current = unknown.length > 0 ? await this.lookup.currentMany(unknown, manager) : null;
    for (const memberId of memberIds) {
      const code = tierCodes.get(memberId);
      tiers.set(
        memberId,
        toCheckoutTier(
          code === undefined
            ? (current?.get(memberId) ?? null)
            : await this.lookup.byCode(code, manager),
        ),
      );
    }
    return tiers;
  }

  /** `current` for many members; those without tiers (none defined) are null. */
  async currentMany(
    memberIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, CheckoutTier | null>> {
    const current = await this.lookup.currentMany(memberIds, manager);
    return new Map(memberIds.map((id) => [id, toCheckoutTier(current.get(id) ?? null)]));
  }

  /**
   * Decides and stores the standing of a batch of members in a few set-based statements, in the
   * caller's transaction. The standings are locked before qualification is read, so that each
   * decision and its write come from one view: a checkout that changes a member's standing
   * either committed its order before the read, or waits for this transaction and then decides
   * from what it wrote (checkouts evaluate through here too). Each move emits tier.upgraded or
   * tier.downgraded; `orders` names, by member, the checkout that caused it.
   */
  async evaluate(
    manager: EntityManager,
    memberIds: string[],
    now: Date,
    nightly: boolean,
    orders?: ReadonlyMap<string, CheckoutOrderRef>,
  ): Promise<{ upgraded: number; downgraded: number; tierCodes: Map<string, string> }> {
    const tierCodes = new Map<string, string>();
    const tiers = await this.lookup.tiers(manager);
    if (tiers.length === 0 || memberIds.length === 0) {
      return { upgraded: 0, downgraded: 0, tierCodes };
    }
    const rules = tiers.map(toRule);
    const standings = await runByMemberShard(manager, 'member_tiers', memberIds, (ids) =>
      manager.query<
        {
          member_id: string;
          tier_code: string;
          below_since: Date | null;
          held_until: Date | null;
        }[]
      >(
        `SELECT member_id, tier_code, below_since, held_until FROM member_tiers WHERE member_id = ANY($1::uuid[])
         ORDER BY member_id FOR UPDATE`,
        [ids],
      ),
    );
    const values = await qualificationValues(manager, memberIds, now);
    const byMember = new Map<string, MemberStanding>(
      standings.map((s) => [
        s.member_id,
        { code: s.tier_code, belowSince: s.below_since, heldUntil: s.held_until },
      ]),
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
      if (code !== undefined) {
        tierCodes.set(memberId, code);
      }
      if (!decision) {
        continue;
      }
      const unchanged =
        standing &&
        standing.code === decision.code &&
        standing.belowSince?.getTime() === decision.belowSince?.getTime();
      const implicitLowest = !standing && decision.change === null && decision.belowSince === null;
      if (!unchanged && !implicitLowest) {
        decisions.push([memberId, decision]);
      }
    }
    const applied = await this.store(manager, decisions, byMember, now);
    for (const [memberId] of decisions) {
      if (!applied.has(memberId)) {
        tierCodes.delete(memberId);
      }
    }
    const names = new Map(tiers.map((t) => [t.code, t.name]));
    const tierOf = (code: string): { code: string; name: string } => ({
      code,
      name: names.get(code) ?? code,
    });
    let upgraded = 0;
    let downgraded = 0;
    const events: OutboxEvent[] = [];
    for (const [memberId, decision] of decisions) {
      if (!decision.change || !applied.has(memberId)) {
        continue;
      }
      if (decision.change === 'upgrade') {
        upgraded++;
      } else {
        downgraded++;
      }
      const name = names.get(decision.code) ?? decision.code;
      const order = orders?.get(memberId);
      const data: TierChangeData = {
        memberId,
        // A member without a standing is in the lowest tier.
        from: tierOf(byMember.get(memberId)?.code ?? (tiers[0] as TierDefinition).code),
        to: tierOf(decision.code),
        reason: order ? 'checkout' : 'evaluation',
        orderId: order?.orderId ?? null,
        checkoutId: order?.checkoutId ?? null,
        heldUntil: null,
      };
      events.push({
        type: decision.change === 'upgrade' ? 'tier.upgraded' : 'tier.downgraded',
        memberId,
        data,
      });
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
    const [single] = events;
    if (events.length === 1 && single) {
      await this.events.emit(manager, single);
    } else {
      await this.events.emitMany(manager, events);
    }
    return { upgraded, downgraded, tierCodes };
  }

  /**
   * Writes the decisions. Standings that existed are locked by this transaction; a member who had
   * none may have been given one meanwhile (by a checkout's upgrade), which then stands. Returns
   * the members whose standing was written.
   */
  private async store(
    manager: EntityManager,
    decisions: [string, TierDecision][],
    seen: Map<string, MemberStanding>,
    now: Date,
  ): Promise<Set<string>> {
    if (decisions.length === 0) {
      return new Set();
    }
    const rows = await manager.query<{ member_id: string }[]>(
      `WITH d AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::bool[])
           AS d(member_id, code, below_since, had_standing)
       ), updated AS (
         UPDATE member_tiers t SET
           achieved_at = CASE WHEN t.tier_code = d.code THEN t.achieved_at ELSE $5 END,
           -- A move to another tier (an upgrade, or a downgrade once the hold is over) ends a hold.
           held_until = CASE WHEN t.tier_code = d.code THEN t.held_until END,
           tier_code = d.code, below_since = d.below_since, updated_at = now()
         FROM d
         WHERE t.member_id = d.member_id AND d.had_standing
         RETURNING t.member_id
       ), inserted AS (
         INSERT INTO member_tiers (member_id, tier_code, achieved_at, below_since)
         SELECT member_id, code, $5, below_since FROM d WHERE NOT d.had_standing
         ON CONFLICT (member_id) DO NOTHING
         RETURNING member_id
       )
       SELECT member_id FROM updated UNION ALL SELECT member_id FROM inserted`,
      [
        decisions.map(([m]) => m),
        decisions.map(([, d]) => d.code),
        decisions.map(([, d]) => d.belowSince),
        decisions.map(([m]) => seen.has(m)),
        now,
      ],
    );
    return new Set(rows.map((r) => r.member_id));
  }
}

const toCheckoutTier = (tier: CurrentTier | null): CheckoutTier | null =>
  tier
    ? { code: tier.code, name: tier.name, multiplier: tier.benefits.pointsMultiplier ?? 1 }
    : null;
