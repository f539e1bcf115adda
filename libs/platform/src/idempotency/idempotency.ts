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
  // One-shot hashing: no Hash object per request (about a fifth of this function's time).
  return hash('sha256', canonicalJson(value) as string, 'hex');
}

/** Array indices, which JSON.stringify writes before an object's other keys, in number order. */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isArrayIndex = (key: string): boolean => ARRAY_INDEX.test(key) && Number(key) < 4294967295;
const byNumber = (a: string, b: string): number => Number(a) - Number(b);

/** What JSON.stringify escapes in a string: quotes, backslashes, controls, surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
const quoted = (text: string): string => (ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`);

/** The keys in the order JSON.stringify writes a copy made with them sorted. */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record).sort();
  // Sorted, any key starting with a digit sits before the letters; most objects have none.
  const first = keys[0];
  if (first === undefined || first.charCodeAt(0) > 57) {
    return keys;
  }
  const indices = keys.filter(isArrayIndex);
  return indices.length === 0
    ? keys
    : [...indices.sort(byNumber), ...keys.filter((k) => !isArrayIndex(k))];
}

/**
 * JSON.stringify of the value with every plain object's keys sorted, written in one pass: the
 * first implementation copied each object with its keys sorted and then stringified the copies.
 * The output is that implementation's, byte for byte (array indices first, as an object's own
 * keys enumerate).
 */
function canonicalJson(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return quoted(value);
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      out += (i === 0 ? '' : ',') + (canonicalJson(value[i]) ?? 'null');
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of sortedKeys(record)) {
    const field = canonicalJson(record[key]);
    if (field !== undefined) {
      out += `${out.length === 1 ? '' : ','}${quoted(key)}:${field}`;
    }
  }
  return `${out}}`;
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
