import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  decodeCursor,
  Page,
  pageLimit,
  PageQuery,
  preparedQuery,
  type PreparedStatement,
  toPage,
} from '@vafa/platform';
import type { Balance } from '../balance';

export interface PointsSummary extends Balance {
  lifetimeEarned: number;
  expiringSoon: { points: number; expiresAt: string }[];
}

export interface ActivityEntry {
  id: string;
  type: string;
  points: number;
  occurredAt: string;
  description: string;
  reason: string | null;
  reference: Record<string, unknown> | null;
}

const ACCOUNTS: PreparedStatement = {
  name: 'vafa_ledger_points_accounts',
  text: `SELECT member_id, available, pending, lifetime_earned FROM ledger_accounts
     WHERE member_id = ANY($1::uuid[])`,
};

const EXPIRING: PreparedStatement = {
  name: 'vafa_ledger_points_expiring',
  text: `SELECT member_id, sum(remaining) AS points, expires_at FROM ledger_lots
     WHERE member_id = ANY($1::uuid[]) AND remaining > 0 AND expires_at > $2 AND expires_at <= $3
     GROUP BY member_id, expires_at ORDER BY member_id, expires_at`,
};

/** Read models over the ledger for members and staff. */
@Injectable()
export class LedgerQuery {
  constructor(private readonly dataSource: DataSource) {}

  async pointsSummary(
    memberId: string,
    now: Date,
    soonDays = 30,
    manager?: EntityManager,
  ): Promise<PointsSummary> {
    return (await this.pointsSummaries([memberId], now, soonDays, manager)).get(
      memberId,
    ) as PointsSummary;
  }

  /** Each member's points, in two statements whatever the number of members (sent together). */
  async pointsSummaries(
    memberIds: readonly string[],
    now: Date,
    soonDays = 30,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PointsSummary>> {
    const accountRows = preparedQuery<{
      member_id: string;
      available: string;
      pending: string;
      lifetime_earned: string;
    }>(manager, ACCOUNTS, [memberIds]);
    const expiringRows = preparedQuery<{ member_id: string; points: string; expires_at: Date }>(
      manager,
      EXPIRING,
      [memberIds, now, addDays(now, soonDays)],
    );
    const [{ rows: accounts }, { rows: expiring }] = await Promise.all([accountRows, expiringRows]);
    const summaries = new Map<string, PointsSummary>(
      memberIds.map((id) => [
        id,
        { available: 0, pending: 0, lifetimeEarned: 0, expiringSoon: [] },
      ]),
    );
    for (const a of accounts) {
      const summary = summaries.get(a.member_id);
      if (!summary) {
        continue;
      }
      summary.available = Number(a.available);
      summary.pending = Number(a.pending);
      summary.lifetimeEarned = Number(a.lifetime_earned);
    }
    for (const e of expiring) {
      summaries.get(e.member_id)?.expiringSoon.push({
        points: Number(e.points),
        expiresAt: e.expires_at.toISOString(),
      });
    }
    return summaries;
  }

  async balance(
    memberId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Balance> {
    const [row] = await manager.query<{ available: string; pending: string }[]>(
      'SELECT available, pending FROM ledger_accounts WHERE member_id = $1',
      [memberId],
    );
    return { available: Number(row?.available ?? 0), pending: Number(row?.pending ?? 0) };
  }

  async activity(memberId: string, query: PageQuery): Promise<Page<ActivityEntry>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['instant', 'instant', 'uuid']);
    const rows = await this.dataSource.query<
      {
        id: string;
        kind: string;
        points: string;
        occurred_at: Date;
        created_at: Date;
        description: string;
        reason: string | null;
        reference: Record<string, unknown> | null;
      }[]
    >(
      `SELECT id, kind, points, occurred_at, created_at, description, reason, reference FROM ledger_transactions
       WHERE member_id = $1 AND ($2::timestamptz IS NULL OR (occurred_at, created_at, id) < ($2, $3::timestamptz, $4::uuid))
       ORDER BY occurred_at DESC, created_at DESC, id DESC LIMIT $5`,
      [memberId, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit + 1],
    );
    return toPage(
      rows,
      limit,
      (r) => ({
        id: r.id,
        type: r.kind,
        points: Number(r.points),
        occurredAt: r.occurred_at.toISOString(),
        description: r.description,
        reason: r.reason,
        reference: r.reference,
      }),
      (r) => [r.occurred_at.toISOString(), r.created_at.toISOString(), r.id],
    );
  }
}
