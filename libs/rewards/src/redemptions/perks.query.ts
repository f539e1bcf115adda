import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, decodeCursor, Page, pageLimit, toPage } from '@vafa/platform';
import { isCouponType } from '../catalog/reward.entity';
import { rewardValue } from '../catalog/rewards.repository';
import type { PerkDto, PerkListQuery } from './redemption.dto';
import { REDEMPTION_COLUMNS, RedemptionRow } from './reward-issuer.repository';
import type { RedemptionStatus } from './reward-redemption.entity';

/** An active coupon past its expiry shows as expired even before the job has run. */
const EFFECTIVE_STATUS = `CASE WHEN status = 'active' AND expires_at <= $2 THEN 'expired' ELSE status END`;

export const toPerkDto = (row: RedemptionRow, status: RedemptionStatus): PerkDto => ({
  id: row.id,
  rewardId: row.reward_id,
  name: row.reward_name,
  type: row.reward_type,
  value: rewardValue({
    type: row.reward_type,
    valueAmount: row.value_amount === null ? null : Number(row.value_amount),
    valueText: row.value_text,
  }),
  code: row.code,
  perk: isCouponType(row.reward_type) ? null : row.value_text,
  status,
  source: row.source,
  pointsSpent: Number(row.points_spent),
  issuedAt: row.issued_at.toISOString(),
  expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
  usedAt: row.used_at ? row.used_at.toISOString() : null,
  cancelledAt: row.cancelled_at ? row.cancelled_at.toISOString() : null,
});

/** Every coupon, gift and perk issued to a member, newest first. */
@Injectable()
export class PerksQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(memberId: string, query: PerkListQuery): Promise<Page<PerkDto>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['instant', 'timestamp-text', 'uuid']);
    // created_at breaks ties between perks issued at the same instant; it travels in the cursor
    // as text, which keeps its microseconds.
    const rows = await this.dataSource.query<
      (RedemptionRow & { effective: RedemptionStatus; created: string })[]
    >(
      `SELECT ${REDEMPTION_COLUMNS}, ${EFFECTIVE_STATUS} AS effective, created_at::text AS created
       FROM reward_redemptions
       WHERE member_id = $1 AND ($3::text IS NULL OR ${EFFECTIVE_STATUS} = $3)
         AND ($4::timestamptz IS NULL OR (issued_at, created_at, id) < ($4, $5::timestamptz, $6::uuid))
       ORDER BY issued_at DESC, created_at DESC, id DESC LIMIT $7`,
      [
        memberId,
        this.clock.now(),
        query.status ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        after?.[2] ?? null,
        limit + 1,
      ],
    );
    return toPage(
      rows,
      limit,
      (r) => toPerkDto(r, r.effective),
      (r) => [r.issued_at.toISOString(), r.created, r.id],
    );
  }
}
