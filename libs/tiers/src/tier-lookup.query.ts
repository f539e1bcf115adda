import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CacheFamily,
  deepFreeze,
  preparedQuery,
  type PreparedStatement,
  ShortLivedValue,
} from '@vafa/platform';
import type { TierBenefits, TierQualification } from './tier.entity';

export interface CurrentTier {
  code: string;
  name: string;
  rank: number;
  benefits: TierBenefits;
}

export interface TierDefinition extends CurrentTier {
  qualification: TierQualification;
  downgradeGraceDays: number;
}

/**
 * How long tier definitions may be answered from memory. A change made through this process
 * applies at once (TiersService invalidates TIER_DEFINITIONS); one made by another process
 * within this.
 */
export const TIERS_CACHE_MS = 1000;
export const TIER_DEFINITIONS = new CacheFamily();

const STORED_TIER: PreparedStatement = {
  name: 'vafa_member_tier_code',
  text: 'SELECT tier_code FROM member_tiers WHERE member_id = $1',
};

const STORED_TIERS: PreparedStatement = {
  name: 'vafa_member_tier_codes',
  text: 'SELECT member_id, tier_code FROM member_tiers WHERE member_id = ANY($1::uuid[])',
};

const toCurrent = (t: TierDefinition): CurrentTier => ({
  code: t.code,
  name: t.name,
  rank: t.rank,
  benefits: t.benefits,
});

/**
 * The tiers, and a member's tier right now: their stored tier, or the lowest when they have
 * none (members enrolled by the import, or who never bought) or hold one that no longer exists.
 * The one rule for every view of a member: their own, the staff's, and the till's.
 */
@Injectable()
export class TierLookupQuery {
  private readonly definitions = new ShortLivedValue<readonly TierDefinition[]>(
    TIER_DEFINITIONS,
    TIERS_CACHE_MS,
  );

  constructor(private readonly dataSource: DataSource) {}

  /** Every tier, lowest rank first; from memory (see TIERS_CACHE_MS); frozen. */
  tiers(manager?: EntityManager): Promise<readonly TierDefinition[]> {
    return this.definitions.get(async () => deepFreeze(await this.readTiers(manager)));
  }

  async current(
    memberId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CurrentTier | null> {
    const tiers = await this.tiers(manager);
    if (tiers.length === 0) {
      return null;
    }
    const { rows } = await preparedQuery<{ tier_code: string }>(manager, STORED_TIER, [memberId]);
    const code = rows[0]?.tier_code;
    const lowest = toCurrent(tiers[0] as TierDefinition);
    return code === undefined ? lowest : ((await this.byCode(code, manager)) ?? lowest);
  }

  /** `current` for many members in one statement; members without a tier are left out. */
  async currentMany(
    memberIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, CurrentTier>> {
    const tiers = await this.tiers(manager);
    const result = new Map<string, CurrentTier>();
    const lowest = tiers[0];
    if (!lowest || memberIds.length === 0) {
      return result;
    }
    const { rows } = await preparedQuery<{ member_id: string; tier_code: string }>(
      manager,
      STORED_TIERS,
      [memberIds],
    );
    const stored = new Map(rows.map((r) => [r.member_id, r.tier_code]));
    for (const memberId of memberIds) {
      const code = stored.get(memberId);
      const tier = code === undefined ? undefined : await this.byCode(code, manager);
      result.set(memberId, tier ?? toCurrent(lowest));
    }
    return result;
  }

  /** The tier with this code, also when it is newer than the definitions in memory. */
  async byCode(code: string, manager?: EntityManager): Promise<CurrentTier | null> {
    const cached = (await this.tiers(manager)).find((t) => t.code === code);
    const tier = cached ?? (await this.readTiers(manager)).find((t) => t.code === code);
    return tier ? toCurrent(tier) : null;
  }

  private readTiers(manager: EntityManager = this.dataSource.manager): Promise<TierDefinition[]> {
    return manager.query<TierDefinition[]>(
      `SELECT code, name, rank, qualification, benefits, downgrade_grace_days AS "downgradeGraceDays"
       FROM tiers ORDER BY rank`,
    );
  }
}
