import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventOutbox, type EventPayload, inTransaction } from '@vafa/platform';
import type { PointsExpiredEventData } from '../events/points-events.dto';
import { lockDueMembers } from './lock-due-members';

/**
 * Expires exactly what remains of lots past their expiry date, one set-based statement per batch
 * of members; the expired points go to the program's breakage account, and each member's
 * points.expired event is written in the batch's transaction.
 */
@Injectable()
export class ExpireLotsJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventOutbox,
  ) {}

  async run(now: Date, batchSize = 1000): Promise<{ members: number; points: number }> {
    let members = 0;
    let points = 0;
    for (;;) {
      const batch = await inTransaction(this.dataSource, async (manager) => {
        const locked = await lockDueMembers(
          manager,
          `SELECT DISTINCT member_id FROM ledger_lots WHERE state = 'available' AND remaining > 0 AND expires_at <= $1`,
          now,
          batchSize,
        );
        if (locked.length === 0) {
          return { scanned: 0, rows: [] };
        }
        const rows = await manager.query<
          {
            member_id: string;
            transaction_id: string;
            points: string;
            available: string;
            pending: string;
          }[]
        >(
          `WITH lots AS (
             -- Each consumption or give-back adds a row, so (lot, rows so far) names this state of
             -- the lot once: the expiry's key is deterministic and never repeats.
             SELECT l.member_id, l.id, l.remaining,
                    (SELECT count(*) FROM ledger_lot_consumptions c WHERE c.member_id = l.member_id AND c.lot_id = l.id) AS version
             FROM ledger_lots l
             WHERE l.member_id = ANY($1::uuid[]) AND l.state = 'available' AND l.remaining > 0 AND l.expires_at <= $2
           ), sums AS (
             SELECT member_id, sum(remaining) AS points, md5(string_agg(id || '/' || version, ',' ORDER BY id)) AS lots_hash
             FROM lots GROUP BY member_id
           ), txns AS (
             INSERT INTO ledger_transactions (member_id, kind, points, idempotency_key, request_hash, description, occurred_at)
             SELECT member_id, 'expire', -points, 'expire:' || member_id || ':' || $3 || ':' || lots_hash, 'job:expire',
                    points || ' points expired', $2
             FROM sums RETURNING member_id, id, -points AS points
           ), consumed AS (
             INSERT INTO ledger_lot_consumptions (member_id, transaction_id, lot_id, amount, step)
             SELECT l.member_id, t.id, l.id, l.remaining, 0 FROM lots l JOIN txns t USING (member_id)
           ), emptied AS (
             UPDATE ledger_lots x SET remaining = 0 FROM lots l WHERE x.member_id = l.member_id AND x.id = l.id
           ), postings AS (
             INSERT INTO ledger_postings (member_id, transaction_id, account, amount)
             SELECT member_id, id, 'member:available', -points FROM txns
             UNION ALL SELECT member_id, id, 'program:expired', points FROM txns
           ), balances AS (
             UPDATE ledger_accounts a SET available = a.available - s.points, updated_at = now()
             FROM sums s WHERE a.member_id = s.member_id
             RETURNING a.member_id, a.available, a.pending
           )
           SELECT t.member_id, t.id AS transaction_id, t.points, b.available, b.pending
           FROM txns t JOIN balances b USING (member_id) ORDER BY t.member_id`,
          [locked.map((m) => m.memberId), now, now.toISOString()],
        );
        await this.events.emitMany(
          manager,
          rows.map((row) => {
            const data: EventPayload<PointsExpiredEventData> = {
              memberId: row.member_id,
              transactionId: row.transaction_id,
              points: Number(row.points),
              balance: { available: Number(row.available), pending: Number(row.pending) },
            };
            return { type: 'points.expired' as const, memberId: row.member_id, data };
          }),
        );
        return { scanned: locked.length, rows };
      });
      members += batch.rows.length;
      points += batch.rows.reduce((sum, r) => sum + Number(r.points), 0);
      if (batch.scanned < batchSize) {
        return { members, points };
      }
    }
  }
}
