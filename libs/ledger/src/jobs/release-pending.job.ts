import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventOutbox, type EventPayload, inTransaction } from '@vafa/platform';
import type { PointsPendingReleasedEventData } from '../events/points-events.dto';
import { LedgerSql } from '../operations/ledger-sql';
import { lockDueMembers } from './lock-due-members';

/**
 * Makes pending lots whose time has come available, one set-based statement per batch of
 * members, and emits points.pending_released per member in the batch's transaction. Running it
 * twice changes nothing the second time.
 */
@Injectable()
export class ReleasePendingJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventOutbox,
  ) {}

  async run(now: Date, batchSize = 1000): Promise<{ members: number; points: number }> {
    let members = 0;
    let points = 0;
    for (;;) {
      const batch = await inTransaction(this.dataSource, (manager) =>
        this.releaseBatch(new LedgerSql(manager), now, batchSize),
      );
      members += batch.members;
      points += batch.points;
      if (batch.scanned < batchSize) {
        return { members, points };
      }
    }
  }

  private async releaseBatch(
    sql: LedgerSql,
    now: Date,
    batchSize: number,
  ): Promise<{ scanned: number; members: number; points: number }> {
    const locked = await lockDueMembers(
      sql.manager,
      `SELECT DISTINCT member_id FROM ledger_lots WHERE state = 'pending' AND available_at <= $1`,
      now,
      batchSize,
    );
    if (locked.length === 0) {
      return { scanned: 0, members: 0, points: 0 };
    }
    const released = await sql.manager.query<
      {
        member_id: string;
        transaction_id: string;
        points: string;
        available: string;
        pending: string;
      }[]
    >(
      `WITH lots AS (
         UPDATE ledger_lots SET state = 'available'
         WHERE member_id = ANY($1::uuid[]) AND state = 'pending' AND available_at <= $2
         RETURNING member_id, id, remaining
       ), sums AS (
         SELECT member_id, sum(remaining) AS points, md5(string_agg(id::text, ',' ORDER BY id)) AS lots_hash
         FROM lots GROUP BY member_id HAVING sum(remaining) > 0
       ), txns AS (
         INSERT INTO ledger_transactions (member_id, kind, points, idempotency_key, request_hash, description, occurred_at)
         SELECT member_id, 'release', points, 'release:' || member_id || ':' || $3 || ':' || lots_hash, 'job:release',
                points || ' pending points became available', $2
         FROM sums RETURNING member_id, id, points
       ), postings AS (
         INSERT INTO ledger_postings (member_id, transaction_id, account, amount)
         SELECT member_id, id, 'member:pending', -points FROM txns
         UNION ALL SELECT member_id, id, 'member:available', points FROM txns
       ), balances AS (
         UPDATE ledger_accounts a SET pending = a.pending - s.points, available = a.available + s.points, updated_at = now()
         FROM sums s WHERE a.member_id = s.member_id
         RETURNING a.member_id, a.available, a.pending
       )
       SELECT t.member_id, t.id AS transaction_id, t.points, b.available, b.pending
       FROM txns t JOIN balances b USING (member_id) ORDER BY t.member_id`,
      [locked.map((m) => m.memberId), now, now.toISOString()],
    );
    // Members who owe points (after a return of spent points) pay the debt from what was released.
    const debtors = new Map(
      locked.filter((m) => m.available < 0).map((m) => [m.memberId, -m.available]),
    );
    for (const row of released) {
      const debt = debtors.get(row.member_id);
      if (debt) {
        await sql.consumeLots(
          row.member_id,
          row.transaction_id,
          Math.min(debt, Number(row.points)),
          1,
        );
      }
    }
    await this.events.emitMany(
      sql.manager,
      released.map((row) => {
        const data: EventPayload<PointsPendingReleasedEventData> = {
          memberId: row.member_id,
          transactionId: row.transaction_id,
          points: Number(row.points),
          balance: { available: Number(row.available), pending: Number(row.pending) },
        };
        return { type: 'points.pending_released' as const, memberId: row.member_id, data };
      }),
    );
    return {
      scanned: locked.length,
      members: released.length,
      points: released.reduce((sum, r) => sum + Number(r.points), 0),
    };
  }
}
