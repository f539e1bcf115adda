import type { Client } from 'pg';

/**
 * `count` members with card numbers and referral codes, written in two set-based statements
 * (members, then their identities, as enrolment keeps them); answers their ids. Each statement
 * stays on one kind of table, so it runs on Citus as on PostgreSQL.
 */
export async function createMembers(db: Client, count: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string; card_number: string; referral_code: string }>(
    `INSERT INTO members (id, card_number, referral_code, joined_at)
     SELECT gen_random_uuid(), 'BENCH' || lpad(g::text, 10, '0'), 'BR' || lpad(g::text, 10, '0'),
            now() - interval '30 days'
     FROM generate_series(1, $1::int) AS g
     RETURNING id, card_number, referral_code`,
    [count],
  );
  await db.query(
    `INSERT INTO member_identities (kind, value, member_id)
     SELECT kind, value, member_id FROM unnest($1::text[], $2::text[], $3::uuid[])
       AS i(kind, value, member_id)`,
    [
      rows.flatMap(() => ['card_number', 'referral_code']),
      rows.flatMap((r) => [r.card_number, r.referral_code]),
      rows.flatMap((r) => [r.id, r.id]),
    ],
  );
  await db.query('ANALYZE members');
  return rows.map((r) => r.id);
}
