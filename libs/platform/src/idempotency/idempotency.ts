import { hash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { deferredQuery, PreparedStatement, preparedQuery } from '../database/prepared-query';
import {
  idempotencyKeyInvalid,
  idempotencyKeyRequired,
  idempotencyKeyReused,
} from '../platform.errors';

const CLAIM: PreparedStatement = {
  name: 'vafa_idempotency_claim',
  text: `INSERT INTO idempotent_requests (member_id, scope, key, request_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (member_id, scope, key) DO NOTHING RETURNING key`,
};

const FIRST_REQUEST: PreparedStatement = {
  name: 'vafa_idempotency_first',
  text: `SELECT request_hash, response FROM idempotent_requests
     WHERE member_id = $1 AND scope = $2 AND key = $3`,
};

const STORE_RESPONSE: PreparedStatement = {
  name: 'vafa_idempotency_response',
  text: 'UPDATE idempotent_requests SET response = $4 WHERE member_id = $1 AND scope = $2 AND key = $3',
};

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * A stable hash of a request: the same data in any key order hashes the same. Stored keys hold
 * these hashes, so the output must never change (request-hash.spec.ts holds it to the first one).
 */
export function requestHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object' && !(v instanceof Date)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  // One-shot hashing: no Hash object per request (about a fifth of this function's time).
  return hash('sha256', JSON.stringify(canonical(value)), 'hex');
}

export function requireIdempotencyKey(key: string | undefined): string {
  if (!key) {
    throw idempotencyKeyRequired();
  }
  if (!KEY_PATTERN.test(key)) {
    throw idempotencyKeyInvalid();
  }
  return key;
}

/** What claiming an idempotency key found: a first use, or the stored answer of the first. */
export type IdempotencyClaim<T> = { replayed: false } | { replayed: true; response: T };

/**
 * One use of an Idempotency-Key. Keys are unique per member: every keyed operation acts for one
 * member, whose rows (this one too) are kept together, and the same key sent for another member
 * is another request.
 */
export interface IdempotentRequest {
  /** The member the request acts for. */
  memberId: string;
  /** Where the key is remembered besides the member (the operation, and usually the staff key). */
  scope: string;
  key: string;
  hash: string;
}

/**
 * Claims (member, scope, key) in the caller's transaction; the claim is written at once, so
 * statements the caller sends before awaiting it share its round trip. A first use answers
 * `replayed: false`; a repeat with the same request the stored first response; another request
 * under the key fails with IDEMPOTENCY_KEY_REUSED. A concurrent repeat waits on the unique key
 * until the first commits.
 */
export async function claimIdempotencyKey<T>(
  manager: EntityManager,
  request: IdempotentRequest,
): Promise<IdempotencyClaim<T>> {
  const claimed = await preparedQuery<{ key: string }>(manager, CLAIM, [
    request.memberId,
    request.scope,
    request.key,
    request.hash,
  ]);
  if (claimed.rows.length > 0) {
    return { replayed: false };
  }
  const { rows } = await preparedQuery<{ request_hash: string; response: T }>(
    manager,
    FIRST_REQUEST,
    [request.memberId, request.scope, request.key],
  );
  const first = rows[0];
  if (!first || first.request_hash !== request.hash) {
    throw idempotencyKeyReused();
  }
  return { replayed: true, response: first.response };
}

/** Keeps the answer of a claimed key for its repeats (written without waiting for it). */
export function storeIdempotentResponse(
  manager: EntityManager,
  request: IdempotentRequest,
  response: unknown,
): Promise<void> {
  return deferredQuery(manager, STORE_RESPONSE, [
    request.memberId,
    request.scope,
    request.key,
    JSON.stringify(response),
  ]);
}

/**
 * Runs `work` once per (member, scope, key) inside the caller's transaction. A repeat with the same
 * request returns the stored first response and does nothing; a concurrent repeat waits on the
 * unique key until the first commits. If the work fails, the transaction (and the claim on the
 * key) rolls back, so the request may be retried.
 */
export async function once<T>(
  manager: EntityManager,
  request: IdempotentRequest,
  work: () => Promise<T>,
): Promise<{ replayed: boolean; response: T }> {
  const claim = await claimIdempotencyKey<T>(manager, request);
  if (claim.replayed) {
    return claim;
  }
  const response = await work();
  await storeIdempotentResponse(manager, request, response);
  return { replayed: false, response };
}
