/**
 * The ledger credit of `CreditPointsUseCase` (INSERT_CREDIT) for a whole batch of members in one
 * set-based statement over `unnest` arrays: transactions, balance upserts, lots and postings, each
 * stage joining the one before. A prototype for bench/DESIGN-batching.md §9 step 1, not
 * application code: available credits only (no pending points), and no debt to repay.
 */
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';

export interface CreditItem {
  memberId: string;
  idempotencyKey: string;
  points: number;
  expiresAt: Date;
}

/** What one item of a batch came to. */
export type CreditOutcome =
  | { kind: 'credited'; transactionId: string; available: number }
  | { kind: 'replayed'; transactionId: string }
  | { kind: 'conflict' };

/** The members of a batch must be distinct: an upsert cannot touch one row twice. */
const CREDIT_BATCH = {
  name: 'bench_batch_credit',
  text: `WITH input AS (
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::timestamptz[])
       AS i(member_id, idempotency_key, request_hash, points, expires_at)
   ), tx AS (
     INSERT INTO ledger_transactions
       (member_id, kind, points, idempotency_key, request_hash, description, occurred_at)
     SELECT member_id, 'earn', points, idempotency_key, request_hash, 'benchmark credit', $6
     FROM input ORDER BY member_id
     ON CONFLICT (member_id, idempotency_key) DO NOTHING
     RETURNING id, member_id, points
   ), account AS (
     INSERT INTO ledger_accounts AS a (member_id, available, pending, lifetime_earned)
     SELECT member_id, points, 0, points FROM tx ORDER BY member_id
     ON CONFLICT (member_id) DO UPDATE SET available = a.available + EXCLUDED.available,
       pending = a.pending + EXCLUDED.pending,
       lifetime_earned = a.lifetime_earned + EXCLUDED.lifetime_earned, updated_at = EXCLUDED.updated_at
     RETURNING member_id, available
   ), lot AS (
     INSERT INTO ledger_lots (member_id, transaction_id, amount, remaining, state, available_at, expires_at)
     SELECT tx.member_id, tx.id, tx.points, tx.points, 'available', $6, input.expires_at
     FROM tx JOIN input USING (member_id)
   ), postings AS (
     INSERT INTO ledger_postings (member_id, transaction_id, account, amount)
     SELECT tx.member_id, tx.id, p.account, p.amount
     FROM tx CROSS JOIN LATERAL (VALUES ('program:issued', -tx.points), ('member:available', tx.points))
       AS p(account, amount)
   )
   SELECT tx.member_id, tx.id, account.available FROM tx JOIN account USING (member_id)`,
} as const;

/** The transactions already under the keys a batch did not write (replays or conflicts). */
const TAKEN_KEYS = {
  name: 'bench_batch_taken_keys',
  text: `SELECT t.member_id, t.idempotency_key, t.id, t.request_hash
   FROM unnest($1::uuid[], $2::text[]) AS k(member_id, idempotency_key)
   JOIN ledger_transactions t USING (member_id, idempotency_key)`,
} as const;

/** The hash the real credit stores for this request (a replay must carry the same one). */
export function creditRequestHash(item: CreditItem): string {
  const request = { memberId: item.memberId, points: item.points, expiresAt: item.expiresAt };
  return createHash('sha256')
    .update(JSON.stringify({ kind: 'earn', request }))
    .digest('hex');
}

/**
 * How a batch is written: `set`, one statement for all its credits; `rows`, the same statement
 * once per credit (one-element arrays), all in the batch's one transaction; `savepoints`, as
 * `rows` with each credit between a SAVEPOINT and its RELEASE (what isolating each credit's own
 * failure would cost). The last two tell the cost of a statement from the cost of a transaction.
 */
export type BatchMode = 'set' | 'rows' | 'savepoints';

type WrittenRow = { member_id: string; id: string; available: string };

async function writeCredits(
  client: PoolClient,
  items: CreditItem[],
  hashes: string[],
  now: Date,
  mode: BatchMode,
): Promise<WrittenRow[]> {
  const run = (from: number, to: number) =>
    client.query<WrittenRow>({
      ...CREDIT_BATCH,
      values: [
        items.slice(from, to).map((i) => i.memberId),
        items.slice(from, to).map((i) => i.idempotencyKey),
        hashes.slice(from, to),
        items.slice(from, to).map((i) => i.points),
        items.slice(from, to).map((i) => i.expiresAt),
        now,
      ],
    });
  if (mode === 'set') {
    return (await run(0, items.length)).rows;
  }
  // Sent without waiting (the lanes' pool is in pipeline mode): the statements cost what they
  // cost, not round trips.
  const sent = items.map((_, n) => {
    if (mode === 'rows') {
      return run(n, n + 1);
    }
    // A failure shows in the credit's own statement; these two would only repeat it.
    client.query('SAVEPOINT credit').catch(() => undefined);
    const written = run(n, n + 1);
    client.query('RELEASE SAVEPOINT credit').catch(() => undefined);
    return written;
  });
  return (await Promise.all(sent)).flatMap((r) => r.rows);
}

/**
 * One transaction for the batch: BEGIN, the batch's writes, a look at taken keys only when some
 * item was not written, COMMIT. Answers each item's outcome, in the items' order.
 */
export async function creditBatch(
  client: PoolClient,
  items: CreditItem[],
  now: Date,
  mode: BatchMode = 'set',
): Promise<CreditOutcome[]> {
  const hashes = items.map(creditRequestHash);
  await client.query('BEGIN');
  try {
    const written = await writeCredits(client, items, hashes, now, mode);
    const byMember = new Map(written.map((r) => [r.member_id, r]));
    const missing = items.filter((i) => !byMember.has(i.memberId));
    const taken = new Map<string, { id: string; request_hash: string }>();
    if (missing.length > 0) {
      const found = await client.query<{
        member_id: string;
        idempotency_key: string;
        id: string;
        request_hash: string;
      }>({
        ...TAKEN_KEYS,
        values: [missing.map((i) => i.memberId), missing.map((i) => i.idempotencyKey)],
      });
      for (const row of found.rows) {
        taken.set(`${row.member_id} ${row.idempotency_key}`, row);
      }
    }
    await client.query('COMMIT');
    return items.map((item, n): CreditOutcome => {
      const row = byMember.get(item.memberId);
      if (row) {
        return { kind: 'credited', transactionId: row.id, available: Number(row.available) };
      }
      const prior = taken.get(`${item.memberId} ${item.idempotencyKey}`);
      return prior && prior.request_hash === hashes[n]
        ? { kind: 'replayed', transactionId: prior.id }
        : { kind: 'conflict' };
    });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
