import type { EntityManager } from 'typeorm';
import type { AudienceCriterion } from './campaign.entity';

/**
 * The last member (by predicted value, then id) inside the top `percent` of members with a CLV:
 * members at or above it are the top ceil(N × percent). Null when nobody has a CLV.
 */
export async function topClvCutoffs(
  manager: EntityManager,
  criteria: AudienceCriterion[],
): Promise<Map<number, { clv: number; memberId: string }>> {
  const cutoffs = new Map<number, { clv: number; memberId: string }>();
  for (const c of criteria) {
    if (c.segment !== 'top_clv_percent') continue;
    const percent = c.params?.percent ?? 0;
    const [row] = await manager.query<{ clv: number; member_id: string }[]>(
      `SELECT clv, member_id FROM member_insights WHERE clv IS NOT NULL ORDER BY clv DESC, member_id
       OFFSET greatest(ceil((SELECT count(*) FROM member_insights WHERE clv IS NOT NULL) * $1::float8) - 1, 0) LIMIT 1`,
      [percent / 100],
    );
    if (row) cutoffs.set(percent, { clv: row.clv, memberId: row.member_id });
  }
  return cutoffs;
}

/**
 * The SQL condition (on `m`, the members table) for an audience; every criterion must hold.
 * Parameters are appended to `params` and referenced by position. `after` is the SQL of a
 * member id the caller already requires `m.id` to exceed (batches in id order): it is repeated
 * inside the member_insights subqueries, because PostgreSQL does not carry an inequality across
 * a join, and without it every batch would scan those tables from their first row.
 */
export function audienceCondition(
  criteria: AudienceCriterion[],
  params: unknown[],
  asOf: Date,
  timeZone: string,
  cutoffs: Map<number, { clv: number; memberId: string }> = new Map(),
  after?: string,
): string {
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const from = after ? `member_id > ${after}::uuid AND ` : '';
  const parts = criteria.map((c) => {
    switch (c.segment) {
      case 'all':
        return 'true';
      case 'top_clv_percent': {
        // Cut-offs are found once per run (see topClvCutoff), not once per batch.
        const cutoff = cutoffs.get(c.params?.percent ?? 0);
        if (!cutoff) return 'false';
        return `m.id IN (SELECT member_id FROM member_insights
                         WHERE ${from}(clv > ${p(cutoff.clv)}::float8 OR (clv = ${p(cutoff.clv)}::float8 AND member_id <= ${p(cutoff.memberId)}::uuid)))`;
      }
      case 'rfm_segment':
        return `m.id IN (SELECT member_id FROM member_insights WHERE ${from}rfm_segment = ANY(${p(c.params?.segments ?? [])}::text[]))`;
      case 'tier':
        return `coalesce((SELECT tier_code FROM member_tiers mt WHERE mt.member_id = m.id),
                         (SELECT code FROM tiers ORDER BY rank LIMIT 1)) = ANY(${p(c.params?.tiers ?? [])}::text[])`;
      case 'birthday_today':
        return `to_char(m.birth_date, 'MM-DD') = to_char(${p(asOf)}::timestamptz AT TIME ZONE ${p(timeZone)}, 'MM-DD')`;
      case 'inactive_days': {
        const since = new Date(asOf.getTime() - (c.params?.days ?? 0) * 86_400_000);
        return `EXISTS (SELECT 1 FROM orders o WHERE o.member_id = m.id)
                AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.member_id = m.id AND o.occurred_at > ${p(since)})`;
      }
    }
  });
  return parts.length ? parts.map((s) => `(${s})`).join(' AND ') : 'true';
}
