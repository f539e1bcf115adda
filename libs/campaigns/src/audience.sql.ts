import type { AudienceCriterion } from './campaign.entity';

/**
 * The SQL condition (on `m`, the members table) for an audience; every criterion must hold.
 * Parameters are appended to `params` and referenced by position.
 */
export function audienceCondition(
  criteria: AudienceCriterion[],
  params: unknown[],
  asOf: Date,
  timeZone: string,
): string {
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const parts = criteria.map((c) => {
    switch (c.segment) {
      case 'all':
        return 'true';
      case 'top_clv_percent':
        // The top ceil(N × percent) members by predicted value (ties broken by member id).
        return `m.id IN (SELECT member_id FROM (
                  SELECT member_id, row_number() OVER (ORDER BY clv DESC, member_id) AS position, count(*) OVER () AS total
                  FROM member_insights WHERE clv IS NOT NULL
                ) ranked WHERE position <= ceil(total * ${p((c.params?.percent ?? 0) / 100)}::float8))`;
      case 'rfm_segment':
        return `m.id IN (SELECT member_id FROM member_insights WHERE rfm_segment = ANY(${p(c.params?.segments ?? [])}::text[]))`;
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
