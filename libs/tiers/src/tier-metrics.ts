import type { EntityManager } from 'typeorm';

/**
 * Each tier's qualification value for each of the given members at `asOf`: points earned or
 * money spent on orders in the tier's rolling window, net of returns. One statement for a whole
 * batch of members.
 */
export async function qualificationValues(
  manager: EntityManager,
  memberIds: string[],
  asOf: Date,
): Promise<Map<string, Map<string, number>>> {
  // Grouped by member (the distribution column) and joined only with tiers (a reference
  // table), so Citus runs it on each shard. A member with no order in a tier's window has no
  // entry for it: callers read that as 0.
  const rows = await manager.query<{ member_id: string; code: string; value: string }[]>(
    `SELECT o.member_id, t.code,
            CASE t.qualification->>'metric' WHEN 'spend' THEN sum(o.net_total) ELSE sum(o.net_points) END AS value
     FROM order_net_values o
     JOIN tiers t
       ON o.occurred_at > $2::timestamptz - make_interval(days => (t.qualification->>'windowDays')::int)
     WHERE o.member_id = ANY($1::uuid[]) AND o.occurred_at <= $2
     GROUP BY o.member_id, t.code, t.qualification->>'metric'`,
    [memberIds, asOf],
  );
  const values = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const perTier = values.get(row.member_id) ?? new Map<string, number>();
    perTier.set(row.code, Number(row.value));
    values.set(row.member_id, perTier);
  }
  return values;
}
