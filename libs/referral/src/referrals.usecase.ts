import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Clock,
  decodeCursor,
  inTransaction,
  Page,
  pageLimit,
  PageQuery,
  queryRows,
  toPage,
} from '@vafa/platform';
import { MembersRepository } from '@vafa/members';
import type { MyReferralDto } from './referral.dto';
import type { ReferralStatus } from './referral.entity';
import { onlyHeldReferralRejectable, referralNotFound, referralNotHeld } from './referral.errors';
import { ReferralProgramRepository } from './referral-program.repository';
import { ReferralPurchaseListener } from './referral-purchase.listener';

export interface ReferralView {
  refereeId: string;
  referrerId: string;
  joinedAt: string;
  status: string;
  holdReason: string | null;
  approved: boolean;
  qualified: boolean;
}

interface Row {
  referee_id: string;
  referrer_id: string;
  joined_at: Date;
  status: string;
  hold_reason: string | null;
  approved: boolean;
  qualifying_order_uuid: string | null;
}

const toView = (r: Row): ReferralView => ({
  refereeId: r.referee_id,
  referrerId: r.referrer_id,
  joinedAt: r.joined_at.toISOString(),
  status: r.status,
  holdReason: r.hold_reason,
  approved: r.approved,
  qualified: r.qualifying_order_uuid !== null,
});

@Injectable()
export class ReferralsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MembersRepository,
    private readonly program: ReferralProgramRepository,
    private readonly rewards: ReferralPurchaseListener,
    private readonly clock: Clock,
  ) {}

  async list(query: PageQuery & { status?: string }): Promise<Page<ReferralView>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT referee_id, referrer_id, joined_at, status, hold_reason, approved, qualifying_order_uuid FROM referrals
       WHERE ($1::text IS NULL OR status = $1)
         AND ($2::timestamptz IS NULL OR (joined_at, referee_id) < ($2, $3::uuid))
       ORDER BY joined_at DESC, referee_id DESC LIMIT $4`,
      [query.status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return toPage(rows, limit, toView, (r) => [r.joined_at.toISOString(), r.referee_id]);
  }

  /** Approves a held referral: pays at once if it already qualified, otherwise on qualification. */
  async approve(refereeId: string): Promise<ReferralView> {
    await inTransaction(this.dataSource, async (manager) => {
      const [row] = await manager.query<Row[]>(
        'SELECT * FROM referrals WHERE referee_id = $1 FOR UPDATE',
        [refereeId],
      );
      if (!row) {
        throw referralNotFound();
      }
      if (row.status !== 'held') {
        throw referralNotHeld(row.status);
      }
      await manager.query(
        `UPDATE referrals SET approved = true, status = 'joined', updated_at = $2 WHERE referee_id = $1`,
        [refereeId, this.clock.now()],
      );
      if (row.qualifying_order_uuid) {
        const [order] = await manager.query<{ order_id: string }[]>(
          'SELECT order_id FROM order_net_values WHERE order_uuid = $1',
          [row.qualifying_order_uuid],
        );
        await this.rewards.pay(
          manager,
          row.referee_id,
          row.referrer_id,
          await this.program.get(manager),
          order?.order_id ?? null,
        );
      }
    });
    return this.get(refereeId);
  }

  async reject(refereeId: string): Promise<ReferralView> {
    const rejected = await queryRows(
      this.dataSource.manager,
      `UPDATE referrals SET status = 'rejected', updated_at = $2 WHERE referee_id = $1 AND status = 'held' RETURNING referee_id`,
      [refereeId, this.clock.now()],
    );
    if (rejected.length === 0) {
      await this.get(refereeId);
      throw onlyHeldReferralRejectable();
    }
    return this.get(refereeId);
  }

  async get(refereeId: string): Promise<ReferralView> {
    const [row] = await this.dataSource.query<Row[]>(
      'SELECT * FROM referrals WHERE referee_id = $1',
      [refereeId],
    );
    if (!row) {
      throw referralNotFound();
    }
    return toView(row);
  }

  async mine(memberId: string): Promise<MyReferralDto> {
    const member = await this.members.get(memberId);
    const program = await this.program.get();
    const referred = await this.dataSource.query<
      { referee_id: string; joined_at: Date; status: ReferralStatus; referrer_points: number }[]
    >(
      `SELECT referee_id, joined_at, status, referrer_points FROM referrals WHERE referrer_id = $1 ORDER BY joined_at DESC`,
      [memberId],
    );
    return {
      code: member.referralCode,
      link: `${program.shareBaseUrl}?ref=${member.referralCode}`,
      active: program.active,
      referred: referred.map((r) => ({
        memberId: r.referee_id,
        joinedAt: r.joined_at.toISOString(),
        status: r.status,
      })),
      pointsEarned: referred
        .filter((r) => r.status === 'rewarded')
        .reduce((sum, r) => sum + r.referrer_points, 0),
    };
  }
}
