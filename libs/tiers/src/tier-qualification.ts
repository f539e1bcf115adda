export interface TierRule {
  code: string;
  rank: number;
  threshold: number;
  downgradeGraceDays: number;
}

export interface MemberStanding {
  code: string;
  belowSince: Date | null;
  /** A manual assignment held until then: no downgrade (nor grace) before it. */
  heldUntil?: Date | null;
}

export interface TierDecision {
  code: string;
  belowSince: Date | null;
  change: 'upgrade' | 'downgrade' | null;
}

const DAY = 86_400_000;

/**
 * Where a member stands, from their qualification value for each tier.
 * - The lowest tier always qualifies; a member qualifies for a tier when its value reaches the
 *   threshold; the highest qualifying tier is where they belong.
 * - Upgrades happen at once, at checkout or at night.
 * - Downgrades only at night (`nightly`): the first night the member falls short, the grace
 *   period starts; once `downgradeGraceDays` of the current tier have passed still short, the
 *   member moves down to the tier they qualify for. Qualifying again clears the grace period.
 * - A tier assigned by hand and held (`heldUntil`) is not left downwards before the hold ends;
 *   the grace period can start only after it. Upgrades above it still happen.
 */
export function decideTier(
  tiers: TierRule[],
  values: Map<string, number>,
  standing: MemberStanding | null,
  now: Date,
  nightly: boolean,
): TierDecision | null {
  const ordered = [...tiers].sort((a, b) => a.rank - b.rank);
  const lowest = ordered[0];
  if (!lowest) {
    return null;
  }
  const qualified = ordered.reduce(
    (best, tier) =>
      tier === lowest || (values.get(tier.code) ?? 0) >= tier.threshold ? tier : best,
    lowest,
  );
  const current = ordered.find((t) => t.code === standing?.code) ?? lowest;
  if (qualified.rank > current.rank) {
    return { code: qualified.code, belowSince: null, change: 'upgrade' };
  }
  const held = standing?.heldUntil ? now.getTime() < standing.heldUntil.getTime() : false;
  if (!nightly || qualified.rank === current.rank || held) {
    return {
      code: current.code,
      belowSince: nightly ? null : (standing?.belowSince ?? null),
      change: null,
    };
  }
  const belowSince = standing?.belowSince ?? now;
  if (now.getTime() - belowSince.getTime() >= current.downgradeGraceDays * DAY) {
    return { code: qualified.code, belowSince: null, change: 'downgrade' };
  }
  return { code: current.code, belowSince, change: null };
}
