import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { TierBenefits } from './tier.entity';

export interface CurrentTier {
  code: string;
  name: string;
  rank: number;
  benefits: TierBenefits;
}

/** The member's tier right now: their stored tier, or the lowest tier when they have none. */
@Injectable()
export class TierLookupService {
  constructor(private readonly dataSource: DataSource) {}

  async current(
    memberId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CurrentTier | null> {
    const rows = await manager.query<CurrentTier[]>(
      `SELECT t.code, t.name, t.rank, t.benefits FROM tiers t
       WHERE t.code = (SELECT tier_code FROM member_tiers WHERE member_id = $1)
          OR (NOT EXISTS (SELECT 1 FROM member_tiers WHERE member_id = $1) AND t.rank = (SELECT min(rank) FROM tiers))
       LIMIT 1`,
      [memberId],
    );
    return rows[0] ?? null;
  }
}
