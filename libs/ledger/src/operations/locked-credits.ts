import type { EntityManager } from 'typeorm';
import { deferredQuery, preparedQuery, type PreparedStatement, requestHash } from '@vafa/platform';
import type { Balance } from '../balance';

// Accounts only for members (read through the members' view): a batch may name an unknown id.
const CREATE_ACCOUNTS: PreparedStatement = {
  name: 'vafa_ledger_create_accounts',
  text: `INSERT INTO ledger_accounts (member_id)
   SELECT id FROM member_profiles WHERE id = ANY($1::uuid[]) ORDER BY id
   ON CONFLICT (member_id) DO NOTHING`,
};

// A statement of its own after CREATE_ACCOUNTS, so that its snapshot sees accounts another
// transaction created while the insert waited for it.
const LOCK_ACCOUNTS: PreparedStatement = {
  name: 'vafa_ledger_lock_accounts',
  text: `SELECT member_id, available, pending FROM ledger_accounts
   WHERE member_id = ANY($1::uuid[]) ORDER BY member_id FOR UPDATE`,
};

/**
 * The accounts of many members, created if needed and locked in member order (the ledger's lock
 * order, so batches and single operations queue rather than deadlock). Unknown members are left
 * out. Both statements go out at once.
 */
export async function lockMemberAccounts(
  manager: EntityManager,
  memberIds: readonly string[],
): Promise<Map<string, Balance>> {
  const ids = [...memberIds];
  await deferredQuery(manager, CREATE_ACCOUNTS, [ids]);
  const { rows } = await preparedQuery<{ member_id: string; available: string; pending: string }>(
    manager,
    LOCK_ACCOUNTS,
    [ids],
  );
  return new Map(
    rows.map((r) => [r.member_id, { available: Number(r.available), pending: Number(r.pending) }]),
  );
}

/**
 * Many credits in one statement, each with what CreditPointsUseCase writes for it: the
 * transaction, the balance change, the lot (a debt paid from it first) and the postings.
 */
const INSERT_LOCKED_CREDITS: PreparedStatement = {
  name: 'vafa_ledger_insert_locked_credits',
  text: `WITH i AS (
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[],
       $7::text[], $8::timestamptz[], $9::bool[], $10::timestamptz[], $11::timestamptz[], $12::bigint[],
       $13::text[])
     AS i(member_id, id, points, idempotency_key, request_hash, description, reference, occurred_at,
          pending, available_at, expires_at, debt_paid, source)
   ), tx AS (
     INSERT INTO ledger_transactions
       (member_id, kind, points, idempotency_key, request_hash, description, reference, occurred_at, id)
     SELECT member_id, $14, points, idempotency_key, request_hash, description, reference::jsonb,
       occurred_at, id
     FROM i ORDER BY member_id
   ), account AS (
     UPDATE ledger_accounts a
     SET available = a.available + CASE WHEN i.pending THEN 0 ELSE i.points END,
       pending = a.pending + CASE WHEN i.pending THEN i.points ELSE 0 END,
       lifetime_earned = a.lifetime_earned + i.points, updated_at = now()
     FROM i WHERE a.member_id = i.member_id AND a.member_id = ANY($1::uuid[])
   ), lot AS (
     INSERT INTO ledger_lots (member_id, transaction_id, amount, remaining, state, available_at, expires_at)
     SELECT member_id, id, points, points - debt_paid,
       CASE WHEN pending THEN 'pending' ELSE 'available' END, available_at, expires_at
     FROM i
     RETURNING member_id, id, transaction_id
   ), debt AS (
     INSERT INTO ledger_lot_consumptions (member_id, transaction_id, lot_id, amount, step)
     SELECT lot.member_id, lot.transaction_id, lot.id, i.debt_paid, 1
     FROM lot JOIN i ON i.member_id = lot.member_id WHERE i.debt_paid > 0
   )
   INSERT INTO ledger_postings (member_id, transaction_id, account, amount)
   SELECT member_id, id, source, -points FROM i
   UNION ALL
   SELECT member_id, id, CASE WHEN pending THEN 'member:pending' ELSE 'member:available' END, points
   FROM i`,
};

/** A credit to a member whose account the caller has locked (lockMemberAccounts). */
export interface LockedCredit {
  memberId: string;
  /** The balance read under the lock, before this credit. */
  prior: Balance;
  /** The new transaction's id, chosen by the caller so that its rows can name it at once. */
  transactionId: string;
  points: number;
  source: 'program:issued' | 'program:adjusted';
  /** A key never used before (a new UUID in it): a taken one fails the whole statement. */
  idempotencyKey: string;
  description: string;
  reference: Record<string, unknown>;
  occurredAt: Date;
  /** Pending until then; available at once when past. */
  availableAt: Date;
  expiresAt: Date | null;
}

/** What a locked credit did to the member's balance. */
export interface LockedCreditResult {
  balance: Balance;
  pendingPoints: number;
}

/**
 * Credits many members, one credit each, in one statement sent without waiting, inside the
 * caller's transaction, which holds every member's account lock: so the balances after are known
 * without reading them back. Same rows and request hashes as CreditPointsUseCase.
 */
export async function creditLockedAccounts(
  manager: EntityManager,
  kind: string,
  credits: readonly LockedCredit[],
  now: Date,
): Promise<LockedCreditResult[]> {
  if (new Set(credits.map((c) => c.memberId)).size !== credits.length) {
    throw new Error('creditLockedAccounts: each member may have one credit');
  }
  const rows = credits.map((c) => {
    const pending = c.availableAt > now;
    const request = {
      memberId: c.memberId,
      points: c.points,
      source: c.source,
      availableAt: c.availableAt.toISOString(),
      expiresAt: c.expiresAt?.toISOString() ?? null,
      reference: c.reference,
      reason: null,
    };
    return {
      credit: c,
      pending,
      hash: requestHash({ kind, request }),
      debtPaid: pending ? 0 : Math.min(c.points, Math.max(-c.prior.available, 0)),
    };
  });
  if (rows.length > 0) {
    await deferredQuery(manager, INSERT_LOCKED_CREDITS, [
      rows.map((r) => r.credit.memberId),
      rows.map((r) => r.credit.transactionId),
      rows.map((r) => r.credit.points),
      rows.map((r) => r.credit.idempotencyKey),
      rows.map((r) => r.hash),
      rows.map((r) => r.credit.description),
      rows.map((r) => JSON.stringify(r.credit.reference)),
      // Instants as ISO text: node-postgres formats a Date inside an array slowly.
      rows.map((r) => r.credit.occurredAt.toISOString()),
      rows.map((r) => r.pending),
      rows.map((r) => (r.pending ? r.credit.availableAt : now).toISOString()),
      rows.map((r) => r.credit.expiresAt?.toISOString() ?? null),
      rows.map((r) => r.debtPaid),
      rows.map((r) => r.credit.source),
      kind,
    ]);
  }
  return rows.map(({ credit, pending }) => ({
    balance: {
      available: credit.prior.available + (pending ? 0 : credit.points),
      pending: credit.prior.pending + (pending ? credit.points : 0),
    },
    pendingPoints: pending ? credit.points : 0,
  }));
}
