import type { EntityManager } from 'typeorm';
import { deferredQuery, type PreparedStatement, preparedQuery } from '../database/prepared-query';
import type { IdempotentRequest } from './idempotency';

// `member_id = ANY($1)` beside each join lets PostgreSQL fetch the few rows by index: joined with
// the statement's own rows alone, a generic plan may scan the whole table.

/**
 * claimIdempotencyKey and its siblings for many requests at once (a batch of checkouts), one
 * statement each over `unnest` arrays. A request per member: the member is what tells a batch's
 * requests apart in the answers.
 */

const CLAIM_MANY: PreparedStatement = {
  name: 'vafa_idempotency_claim_many',
  text: `INSERT INTO idempotent_requests (member_id, scope, key, request_hash)
   SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS k(member_id, scope, key, request_hash)
   ORDER BY member_id
   ON CONFLICT (member_id, scope, key) DO NOTHING
   RETURNING member_id`,
};

const FIRST_REQUESTS: PreparedStatement = {
  name: 'vafa_idempotency_first_many',
  text: `SELECT r.member_id, r.request_hash, r.response
   FROM unnest($1::uuid[], $2::text[], $3::text[]) AS k(member_id, scope, key)
   JOIN idempotent_requests r ON r.member_id = k.member_id AND r.scope = k.scope AND r.key = k.key
   WHERE r.member_id = ANY($1::uuid[])`,
};

const RELEASE_MANY: PreparedStatement = {
  name: 'vafa_idempotency_release_many',
  text: `DELETE FROM idempotent_requests r
   USING unnest($1::uuid[], $2::text[], $3::text[]) AS k(member_id, scope, key)
   WHERE r.member_id = k.member_id AND r.scope = k.scope AND r.key = k.key
     AND r.member_id = ANY($1::uuid[])`,
};

// The answers as one JSON document: as an array of texts, node-postgres would escape every quote
// of every answer.
const STORE_MANY: PreparedStatement = {
  name: 'vafa_idempotency_response_many',
  text: `UPDATE idempotent_requests r SET response = k.response
   FROM jsonb_to_recordset($1::jsonb) AS k(member_id uuid, scope text, key text, response jsonb)
   WHERE r.member_id = k.member_id AND r.scope = k.scope AND r.key = k.key
     AND r.member_id = ANY($2::uuid[])`,
};

const keyColumns = (requests: readonly IdempotentRequest[]): string[][] => [
  requests.map((r) => r.memberId),
  requests.map((r) => r.scope),
  requests.map((r) => r.key),
];

/**
 * Claims every request's key, in member order, in the caller's transaction; answers the members
 * whose key was free. A key taken waits, as claimIdempotencyKey does, for its first use to end.
 */
export async function claimIdempotencyKeys(
  manager: EntityManager,
  requests: readonly IdempotentRequest[],
): Promise<Set<string>> {
  const { rows } = await preparedQuery<{ member_id: string }>(manager, CLAIM_MANY, [
    ...keyColumns(requests),
    requests.map((r) => r.hash),
  ]);
  return new Set(rows.map((r) => r.member_id));
}

/**
 * For requests whose key was taken: the first request's answer when it was the same request
 * (a replay), else nothing (another request under the key: IDEMPOTENCY_KEY_REUSED). By member.
 */
export async function firstAnswers<T>(
  manager: EntityManager,
  requests: readonly IdempotentRequest[],
): Promise<Map<string, { replayed: true; response: T } | { replayed: false }>> {
  const { rows } = await preparedQuery<{ member_id: string; request_hash: string; response: T }>(
    manager,
    FIRST_REQUESTS,
    keyColumns(requests),
  );
  const first = new Map(rows.map((r) => [r.member_id, r]));
  return new Map(
    requests.map((request) => {
      const row = first.get(request.memberId);
      return [
        request.memberId,
        row && row.request_hash === request.hash
          ? { replayed: true, response: row.response }
          : { replayed: false },
      ];
    }),
  );
}

/** Gives back keys claimed in this transaction for requests then refused (they may be retried). */
export function releaseIdempotencyKeys(
  manager: EntityManager,
  requests: readonly IdempotentRequest[],
): Promise<void> {
  return deferredQuery(manager, RELEASE_MANY, keyColumns(requests));
}

/** Keeps each claimed request's answer for its repeats (sent without waiting). */
export function storeIdempotentResponses(
  manager: EntityManager,
  answered: readonly { request: IdempotentRequest; response: unknown }[],
): Promise<void> {
  const rows = answered.map(({ request, response }) => ({
    member_id: request.memberId,
    scope: request.scope,
    key: request.key,
    response,
  }));
  return deferredQuery(manager, STORE_MANY, [
    JSON.stringify(rows),
    answered.map((a) => a.request.memberId),
  ]);
}
