import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, isUuid, queryRows } from '@vafa/platform';
import { isCouponType } from '../catalog/reward.entity';
import { perkNotUsable, redemptionNotFound } from '../rewards.errors';
import type { PerkDto } from './redemption.dto';
import { toPerkDto } from './perks.query';
import { REDEMPTION_COLUMNS, RedemptionRow } from './reward-issuer.repository';

/**
 * Staff mark a service perk or gift as delivered (coupons are used at the till). One conditional
 * statement, so a perk is never used twice.
 */
@Injectable()
export class UsePerkUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(redemptionId: string): Promise<PerkDto> {
    if (!isUuid(redemptionId)) {
      throw redemptionNotFound();
    }
    const now = this.clock.now();
    const rows = await queryRows<RedemptionRow>(
      this.dataSource.manager,
      `UPDATE reward_redemptions SET status = 'used', used_at = $2
       WHERE id = $1 AND status = 'active' AND code IS NULL AND (expires_at IS NULL OR expires_at > $2)
       RETURNING ${REDEMPTION_COLUMNS}`,
      [redemptionId, now],
    );
    if (rows[0]) {
      return toPerkDto(rows[0], 'used');
    }
    const [row] = await this.dataSource.query<RedemptionRow[]>(
      `SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions WHERE id = $1`,
      [redemptionId],
    );
    if (!row) {
      throw redemptionNotFound();
    }
    if (isCouponType(row.reward_type)) {
      throw perkNotUsable('coupon');
    }
    const expired = row.status === 'active' && row.expires_at !== null && row.expires_at <= now;
    throw perkNotUsable(expired ? 'expired' : row.status);
  }
}
