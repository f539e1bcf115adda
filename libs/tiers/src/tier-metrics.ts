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
  const rows = await manager.query<{ member_id: string; code: string; value: string }[]>(
    `SELECT m.member_id, t.code,
            CASE t.qualification->>'metric' WHEN 'spend' THEN coalesce(s.spend, 0) ELSE coalesce(s.points, 0) END AS value
     FROM unnest($1::uuid[]) AS m(member_id)
     CROSS JOIN tiers t
     LEFT JOIN LATERAL (
       SELECT sum(o.net_total) AS spend, sum(o.net_points) AS points
       FROM order_net_values o
       WHERE o.member_id = m.member_id AND o.occurred_at <= $2
         AND o.occurred_at > $2::timestamptz - make_interval(days => (t.qualification->>'windowDays')::int)
     ) s ON true`,
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
