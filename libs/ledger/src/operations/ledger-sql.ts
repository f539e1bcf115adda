import type { EntityManager } from 'typeorm';
import { idempotencyKeyReused, requestHash } from '@vafa/platform';
import type { EntryContext, Posting } from './ledger-entry';

interface TransactionRow {
  id: string;
  kind: string;
  points: string | number;
  request_hash: string;
  occurred_at: Date;
  reference: Record<string, unknown> | null;
}

/**
 * The raw SQL all ledger operations share. Every operation on a member first locks that member's
 * account row, so lots are only ever changed by one transaction at a time per member.
 */
export class LedgerSql {
  constructor(readonly manager: EntityManager) {}

  /** TypeORM answers UPDATE ... RETURNING with [rows, count] and other statements with rows. */
  private async updateReturning<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    const result = await this.manager.query<T[] | [T[], number]>(sql, parameters);
    return Array.isArray(result[0]) ? result[0] : (result as T[]);
  }

  /**
   * Records the transaction under its idempotency key. Returns `existing` when the key was used
   * before with the same request (the caller then changes nothing); a different request → 409.
   */
  async insertTransaction(
    context: EntryContext,
    fields: { kind: string; points: number; reversesId?: string; request: unknown },
    now: Date,
  ): Promise<{ id: string; existing: boolean; occurredAt: Date; points: number; kind: string }> {
    const hash = requestHash({ kind: fields.kind, request: fields.request });
    const occurredAt = context.occurredAt ?? now;
    const inserted = await this.manager.query<TransactionRow[]>(
      `INSERT INTO ledger_transactions
         (member_id, kind, points, idempotency_key, request_hash, reverses_id, reason, description, reference, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (member_id, idempotency_key) DO NOTHING
       RETURNING id, kind, points, request_hash, occurred_at, reference`,
      [
        context.memberId,
        fields.kind,
        fields.points,
        context.idempotencyKey,
        hash,
        fields.reversesId ?? null,
        context.reason ?? null,
        context.description,
        context.reference ? JSON.stringify(context.reference) : null,
        occurredAt,
      ],
    );
    const row =
      inserted[0] ??
      (
        await this.manager.query<TransactionRow[]>(
          `SELECT id, kind, points, request_hash, occurred_at, reference FROM ledger_transactions
           WHERE member_id = $1 AND idempotency_key = $2`,
          [context.memberId, context.idempotencyKey],
        )
      )[0];
    if (!row) throw new Error('ledger transaction vanished');
    if (row.request_hash !== hash) throw idempotencyKeyReused();
    return {
      id: row.id,
      existing: inserted.length === 0,
      occurredAt: row.occurred_at,
      points: Number(row.points),
      kind: row.kind,
    };
  }

  async insertPostings(
    memberId: string,
    transactionId: string,
    postings: Posting[],
  ): Promise<void> {
    const merged = new Map<string, number>();
    for (const [account, amount] of postings)
      merged.set(account, (merged.get(account) ?? 0) + amount);
    const rows = [...merged].filter(([, amount]) => amount !== 0);
    if (rows.length === 0) return;
    await this.manager.query(
      `INSERT INTO ledger_postings (member_id, transaction_id, account, amount)
       SELECT $1, $2, account, amount FROM unnest($3::text[], $4::bigint[]) AS p(account, amount)`,
      [memberId, transactionId, rows.map(([a]) => a), rows.map(([, n]) => n)],
    );
  }

  /** Makes sure the member has an account row, then locks it. */
  async lockAccount(memberId: string): Promise<{ available: number; pending: number }> {
    await this.manager.query(
      'INSERT INTO ledger_accounts (member_id) VALUES ($1) ON CONFLICT (member_id) DO NOTHING',
      [memberId],
    );
    const rows = await this.manager.query<{ available: string; pending: string }[]>(
      'SELECT available, pending FROM ledger_accounts WHERE member_id = $1 FOR UPDATE',
      [memberId],
    );
    return { available: Number(rows[0]?.available ?? 0), pending: Number(rows[0]?.pending ?? 0) };
  }

  async changeBalances(
    memberId: string,
    delta: { available?: number; pending?: number; lifetimeEarned?: number },
  ): Promise<{ available: number; pending: number }> {
    const rows = await this.updateReturning<{ available: string; pending: string }>(
      `UPDATE ledger_accounts SET available = available + $2, pending = pending + $3,
         lifetime_earned = lifetime_earned + $4, updated_at = now()
       WHERE member_id = $1 RETURNING available, pending`,
      [memberId, delta.available ?? 0, delta.pending ?? 0, delta.lifetimeEarned ?? 0],
    );
    return { available: Number(rows[0]?.available ?? 0), pending: Number(rows[0]?.pending ?? 0) };
  }

  /**
   * Takes `points` from the member's available balance with one conditional statement, so two
   * racing debits can never overdraw it. Returns null when the balance is too small.
   */
  async debitAvailable(
    memberId: string,
    points: number,
  ): Promise<{ available: number; pending: number } | null> {
    const rows = await this.updateReturning<{ available: string; pending: string }>(
      `UPDATE ledger_accounts SET available = available - $2, updated_at = now()
       WHERE member_id = $1 AND available >= $2 RETURNING available, pending`,
      [memberId, points],
    );
    return rows[0]
      ? { available: Number(rows[0].available), pending: Number(rows[0].pending) }
      : null;
  }

  async balances(memberId: string): Promise<{ available: number; pending: number }> {
    const rows = await this.manager.query<{ available: string; pending: string }[]>(
      'SELECT available, pending FROM ledger_accounts WHERE member_id = $1',
      [memberId],
    );
    return { available: Number(rows[0]?.available ?? 0), pending: Number(rows[0]?.pending ?? 0) };
  }

  /**
   * Consumes up to `points` from the member's available lots, soonest expiry first, recording
   * each consumption against `transactionId`. Returns how much was taken.
   */
  async consumeLots(
    memberId: string,
    transactionId: string,
    points: number,
    step: 0 | 1 = 0,
  ): Promise<number> {
    if (points <= 0) return 0;
    const rows = await this.manager.query<{ taken: string | null }[]>(
      `WITH ranked AS (
         SELECT id, remaining,
                sum(remaining) OVER (ORDER BY expires_at ASC NULLS LAST, available_at, id) AS upto
         FROM ledger_lots WHERE member_id = $1 AND state = 'available' AND remaining > 0
       ), take AS (
         SELECT id, LEAST(remaining, $3::bigint - (upto - remaining)) AS amount FROM ranked WHERE upto - remaining < $3::bigint
       ), updated AS (
         UPDATE ledger_lots l SET remaining = l.remaining - take.amount FROM take
         WHERE l.member_id = $1 AND l.id = take.id RETURNING l.id
       ), recorded AS (
         INSERT INTO ledger_lot_consumptions (member_id, transaction_id, lot_id, amount, step)
         SELECT $1, $2, id, amount, $4 FROM take
       )
       SELECT sum(amount) AS taken FROM take`,
      [memberId, transactionId, points, step],
    );
    return Number(rows[0]?.taken ?? 0);
  }

  async takeFromLot(
    memberId: string,
    lotId: string,
    transactionId: string,
    points: number,
    step: 0 | 1 = 0,
  ): Promise<void> {
    if (points === 0) return;
    await this.manager.query(
      'UPDATE ledger_lots SET remaining = remaining - $3 WHERE member_id = $1 AND id = $2',
      [memberId, lotId, points],
    );
    await this.manager.query(
      'INSERT INTO ledger_lot_consumptions (member_id, transaction_id, lot_id, amount, step) VALUES ($1, $2, $3, $4, $5)',
      [memberId, transactionId, lotId, points, step],
    );
  }

  async insertLot(
    memberId: string,
    transactionId: string,
    lot: {
      amount: number;
      remaining: number;
      state: 'pending' | 'available';
      availableAt: Date;
      expiresAt: Date | null;
    },
  ): Promise<string> {
    const rows = await this.manager.query<{ id: string }[]>(
      `INSERT INTO ledger_lots (member_id, transaction_id, amount, remaining, state, available_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        memberId,
        transactionId,
        lot.amount,
        lot.remaining,
        lot.state,
        lot.availableAt,
        lot.expiresAt,
      ],
    );
    return rows[0]?.id ?? '';
  }
}
