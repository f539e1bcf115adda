import type { EntityManager } from 'typeorm';
import {
  idempotencyKeyReused,
  preparedQuery,
  queryRows,
  PreparedStatement,
  requestHash,
} from '@vafa/platform';
import type { Balance } from '../balance';
import type { EntryContext, Posting } from './ledger-entry';

/** The statements every credit (so every checkout) runs: parsed and planned once per connection. */
const INSERT_TRANSACTION: PreparedStatement = {
  name: 'vafa_ledger_insert_transaction',
  text: `INSERT INTO ledger_transactions
     (member_id, kind, points, idempotency_key, request_hash, reverses_id, reason, description, reference, occurred_at, id)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, coalesce($11::uuid, gen_random_uuid()))
   ON CONFLICT (member_id, idempotency_key) DO NOTHING
   RETURNING id, kind, points, request_hash, occurred_at, reference`,
};

const LOCK_ACCOUNT: PreparedStatement = {
  name: 'vafa_ledger_lock_account',
  text: `WITH created AS (
     INSERT INTO ledger_accounts (member_id) VALUES ($1) ON CONFLICT (member_id) DO NOTHING
     RETURNING available, pending
   ), locked AS (
     SELECT available, pending FROM ledger_accounts WHERE member_id = $1 FOR UPDATE
   )
   SELECT available, pending FROM created UNION ALL SELECT available, pending FROM locked`,
};

// `updated_at = EXCLUDED.updated_at` (the inserted row's now()), not `now()`: Citus allows only
// immutable functions in an upsert's DO UPDATE SET.
/** A credit under a new key: the transaction and every write of it (see insertCredit). */
const INSERT_CREDIT: PreparedStatement = {
  name: 'vafa_ledger_insert_credit',
  text: `WITH tx AS (
     INSERT INTO ledger_transactions
       (member_id, kind, points, idempotency_key, request_hash, reason, description, reference, occurred_at, id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10::uuid, gen_random_uuid()))
     ON CONFLICT (member_id, idempotency_key) DO NOTHING
     RETURNING id, kind, points, occurred_at
   ), account AS (
     INSERT INTO ledger_accounts AS a (member_id, available, pending, lifetime_earned)
     SELECT $1, $11::bigint, $12::bigint, $13::bigint FROM tx
     ON CONFLICT (member_id) DO UPDATE SET available = a.available + EXCLUDED.available,
       pending = a.pending + EXCLUDED.pending,
       lifetime_earned = a.lifetime_earned + EXCLUDED.lifetime_earned, updated_at = EXCLUDED.updated_at
     RETURNING available, pending
   ), lot AS (
     INSERT INTO ledger_lots (member_id, transaction_id, amount, remaining, state, available_at, expires_at)
     SELECT $1, tx.id, $14::bigint, $15::bigint, $16::text, $17::timestamptz, $18::timestamptz FROM tx
     RETURNING id
   ), postings AS (
     INSERT INTO ledger_postings (member_id, transaction_id, account, amount)
     SELECT $1, tx.id, p.account, p.amount FROM tx, unnest($19::text[], $20::bigint[]) AS p(account, amount)
   )
   SELECT tx.id, tx.kind, tx.points, tx.occurred_at, account.available, account.pending, lot.id AS lot_id
   FROM tx, account, lot`,
};

const CREDIT_ACCOUNT: PreparedStatement = {
  name: 'vafa_ledger_credit_account',
  text: `WITH account AS (
     INSERT INTO ledger_accounts AS a (member_id, available, pending, lifetime_earned)
     VALUES ($1, $3, $4, $5)
     ON CONFLICT (member_id) DO UPDATE SET available = a.available + EXCLUDED.available,
       pending = a.pending + EXCLUDED.pending,
       lifetime_earned = a.lifetime_earned + EXCLUDED.lifetime_earned, updated_at = EXCLUDED.updated_at
     RETURNING available, pending
   ), lot AS (
     INSERT INTO ledger_lots (member_id, transaction_id, amount, remaining, state, available_at, expires_at)
     VALUES ($1, $2, $6, $7, $8, $9, $10) RETURNING id
   ), postings AS (
     INSERT INTO ledger_postings (member_id, transaction_id, account, amount)
     SELECT $1, $2, account, amount FROM unnest($11::text[], $12::bigint[]) AS p(account, amount)
   )
   SELECT account.available, account.pending, lot.id AS lot_id FROM account, lot`,
};

interface TransactionRow {
  id: string;
  kind: string;
  points: string | number;
  request_hash: string;
  occurred_at: Date;
  reference: Record<string, unknown> | null;
}

export interface CreditDelta extends Balance {
  lifetimeEarned: number;
}

export interface NewLot {
  amount: number;
  remaining: number;
  state: 'pending' | 'available';
  availableAt: Date;
  expiresAt: Date | null;
}

export interface CreditWritten {
  prior: Balance;
  balance: Balance;
  lotId: string;
}

/** Balances after a credit's upsert, the ones before it, and the new lot. */
function credited(
  row: { available: string; pending: string; lot_id: string },
  delta: CreditDelta,
): CreditWritten {
  const balance = { available: Number(row.available), pending: Number(row.pending) };
  return {
    prior: {
      available: balance.available - delta.available,
      pending: balance.pending - delta.pending,
    },
    balance,
    lotId: row.lot_id,
  };
}

/** Postings as columns for unnest: amounts to the same account added up, zeros left out. */
function postingColumns(postings: Posting[]): [string[], number[]] {
  const merged = new Map<string, number>();
  for (const [account, amount] of postings) {
    merged.set(account, (merged.get(account) ?? 0) + amount);
  }
  const rows = [...merged].filter(([, amount]) => amount !== 0);
  return [rows.map(([a]) => a), rows.map(([, n]) => n)];
}

/** The balance change, lot and postings of a credit, as INSERT_CREDIT and CREDIT_ACCOUNT end. */
function creditWriteParameters(delta: CreditDelta, lot: NewLot, postings: Posting[]): unknown[] {
  const [accounts, amounts] = postingColumns(postings);
  return [
    delta.available,
    delta.pending,
    delta.lifetimeEarned,
    lot.amount,
    lot.remaining,
    lot.state,
    lot.availableAt,
    lot.expiresAt,
    accounts,
    amounts,
  ];
}

/**
 * The raw SQL all ledger operations share. Every operation on a member first locks that member's
 * account row, so lots are only ever changed by one transaction at a time per member.
 */
export class LedgerSql {
  constructor(readonly manager: EntityManager) {}

  /**
   * Records the transaction under its idempotency key. Returns `existing` when the key was used
   * before with the same request (the caller then changes nothing); a different request → 409.
   */
  async insertTransaction(
    context: EntryContext,
    fields: {
      kind: string;
      points: number;
      reversesId?: string;
      request: unknown;
      /** The new transaction's id; the database generates one when absent. */
      id?: string;
    },
    now: Date,
  ): Promise<{ id: string; existing: boolean; occurredAt: Date; points: number; kind: string }> {
    const hash = requestHash({ kind: fields.kind, request: fields.request });
    const occurredAt = context.occurredAt ?? now;
    const { rows: inserted } = await preparedQuery<TransactionRow>(
      this.manager,
      INSERT_TRANSACTION,
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
        fields.id ?? null,
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
    if (!row) {
      throw new Error('ledger transaction vanished');
    }
    if (row.request_hash !== hash) {
      throw idempotencyKeyReused();
    }
    return {
      id: row.id,
      existing: inserted.length === 0,
      occurredAt: row.occurred_at,
      points: Number(row.points),
      kind: row.kind,
    };
  }

  /**
   * A credit under a key not used before, in one statement: the transaction, then (only if it was
   * inserted) the balance change, which locks the account row, creating it if needed, the lot
   * and the postings, as insertTransaction and creditAccount would write them. Returns null,
   * having written nothing, when the key is taken (a replay, another request under the same key,
   * or a first use still in flight): the caller then takes the step-by-step path.
   */
  async insertCredit(
    context: EntryContext,
    fields: { kind: string; points: number; request: unknown; id?: string },
    now: Date,
    delta: CreditDelta,
    lot: NewLot,
    postings: Posting[],
  ): Promise<
    ({ tx: { id: string; occurredAt: Date; points: number; kind: string } } & CreditWritten) | null
  > {
    const { rows } = await preparedQuery<{
      id: string;
      kind: string;
      points: string;
      occurred_at: Date;
      available: string;
      pending: string;
      lot_id: string;
    }>(this.manager, INSERT_CREDIT, [
      context.memberId,
      fields.kind,
      fields.points,
      context.idempotencyKey,
      requestHash({ kind: fields.kind, request: fields.request }),
      context.reason ?? null,
      context.description,
      context.reference ? JSON.stringify(context.reference) : null,
      context.occurredAt ?? now,
      fields.id ?? null,
      ...creditWriteParameters(delta, lot, postings),
    ]);
    const row = rows[0];
    if (!row) {
      return null;
    }
    return {
      tx: {
        id: row.id,
        occurredAt: row.occurred_at,
        points: Number(row.points),
        kind: row.kind,
      },
      ...credited(row, delta),
    };
  }

  async insertPostings(
    memberId: string,
    transactionId: string,
    postings: Posting[],
  ): Promise<void> {
    const [accounts, amounts] = postingColumns(postings);
    if (accounts.length === 0) {
      return;
    }
    await this.manager.query(
      `INSERT INTO ledger_postings (member_id, transaction_id, account, amount)
       SELECT $1, $2, account, amount FROM unnest($3::text[], $4::bigint[]) AS p(account, amount)`,
      [memberId, transactionId, accounts, amounts],
    );
  }

  /**
   * Makes sure the member has an account row, then locks it, in one statement when it can: the
   * row is either created by this statement (so it is ours until commit) or locked by it. Only
   * when another transaction created the row after this statement's snapshot was taken (its
   * insert waited for that one to commit, and the lock saw nothing) does a second statement, with
   * a fresh snapshot, lock it.
   */
  async lockAccount(memberId: string): Promise<Balance> {
    let { rows } = await preparedQuery<{ available: string; pending: string }>(
      this.manager,
      LOCK_ACCOUNT,
      [memberId],
    );
    if (rows.length === 0) {
      rows = await this.manager.query<{ available: string; pending: string }[]>(
        'SELECT available, pending FROM ledger_accounts WHERE member_id = $1 FOR UPDATE',
        [memberId],
      );
    }
    return { available: Number(rows[0]?.available ?? 0), pending: Number(rows[0]?.pending ?? 0) };
  }

  /**
   * A credit's writes in one statement: adds `delta` to the member's balances (creating the
   * account row if needed; the upsert takes the row lock, and waits for it, before anything is
   * read from the row), inserts the lot and the postings. Nothing else is read, so no part of it
   * can act on rows older than the lock. Returns the balances before and after and the lot id.
   */
  async creditAccount(
    memberId: string,
    transactionId: string,
    delta: CreditDelta,
    lot: NewLot,
    postings: Posting[],
  ): Promise<CreditWritten> {
    const { rows } = await preparedQuery<{ available: string; pending: string; lot_id: string }>(
      this.manager,
      CREDIT_ACCOUNT,
      [memberId, transactionId, ...creditWriteParameters(delta, lot, postings)],
    );
    const row = rows[0];
    if (!row) {
      throw new Error('ledger credit wrote no account or lot');
    }
    return credited(row, delta);
  }

  async changeBalances(
    memberId: string,
    delta: { available?: number; pending?: number; lifetimeEarned?: number },
  ): Promise<Balance> {
    const rows = await queryRows<{ available: string; pending: string }>(
      this.manager,
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
  async debitAvailable(memberId: string, points: number): Promise<Balance | null> {
    const rows = await queryRows<{ available: string; pending: string }>(
      this.manager,
      `UPDATE ledger_accounts SET available = available - $2, updated_at = now()
       WHERE member_id = $1 AND available >= $2 RETURNING available, pending`,
      [memberId, points],
    );
    return rows[0]
      ? { available: Number(rows[0].available), pending: Number(rows[0].pending) }
      : null;
  }

  async balances(memberId: string): Promise<Balance> {
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
    if (points <= 0) {
      return 0;
    }
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
    if (points === 0) {
      return;
    }
    await this.manager.query(
      'UPDATE ledger_lots SET remaining = remaining - $3 WHERE member_id = $1 AND id = $2',
      [memberId, lotId, points],
    );
    await this.manager.query(
      'INSERT INTO ledger_lot_consumptions (member_id, transaction_id, lot_id, amount, step) VALUES ($1, $2, $3, $4, $5)',
      [memberId, transactionId, lotId, points, step],
    );
  }
}
