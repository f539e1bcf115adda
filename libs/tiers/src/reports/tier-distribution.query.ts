import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TierDistributionDto } from './tier-distribution.dto';

/**
 * Each member's tier by TierLookupService's rule (their stored tier, or the lowest when they
 * have none or hold one that no longer exists), counted per tier in one statement: a row per
 * tier by rank, then a row with a null tier for members in no tier (only while there are none).
 */
const TIER_COUNTS_SQL = `
  WITH lowest AS (SELECT id FROM tiers ORDER BY rank LIMIT 1),
  counts AS (
    SELECT coalesce(t.id, (SELECT id FROM lowest)) AS tier_id, count(*)::int AS members
    FROM member_profiles m
    LEFT JOIN member_tiers mt ON mt.member_id = m.id
    LEFT JOIN tiers t ON t.code = mt.tier_code
    GROUP BY 1
  )
  SELECT t.id AS tier_id, t.code, t.name, t.rank, coalesce(c.members, 0) AS members
  FROM tiers t LEFT JOIN counts c ON c.tier_id = t.id
  UNION ALL
  SELECT NULL, NULL, NULL, NULL, members FROM counts WHERE tier_id IS NULL
  ORDER BY rank NULLS LAST`;

interface TierCountRow {
  tier_id: string | null;
  code: string | null;
  name: string | null;
  members: number;
}

/** How many members each tier holds now. */
@Injectable()
export class TierDistributionReportQuery {
  constructor(private readonly dataSource: DataSource) {}

  async report(): Promise<TierDistributionDto> {
    const rows = await this.dataSource.query<TierCountRow[]>(TIER_COUNTS_SQL);
    const tiers = rows.flatMap((r) =>
      r.tier_id !== null && r.code !== null && r.name !== null
        ? [{ tierId: r.tier_id, code: r.code, name: r.name, members: r.members }]
        : [],
    );
    const noTier = rows.find((r) => r.tier_id === null)?.members ?? 0;
    return { members: noTier + tiers.reduce((sum, t) => sum + t.members, 0), noTier, tiers };
  }
}
