import type { EntityManager } from 'typeorm';
import { memberTierCodeSql } from '@vafa/tiers';
import type { AudienceCriterion } from './campaign.entity';
import { addDays } from '@vafa/platform';

/** What a top_clv_percent audience ranks members by. */
export type ValueBasis = 'clv' | 'spend';

/** The spend proxy looks back this far from the run. */
export const SPEND_WINDOW_DAYS = 365;

/** The last member inside a top_clv_percent share: members ranked at or above it are in. */
export interface ValueCutoff {
  /** The member's CLV, or spend as exact numeric text. */
  value: number | string;
  /** The member's last purchase in the spend window (spend basis only). */
  lastPurchaseAt: Date | null;
  memberId: string;
}

export interface ValueRanking {
  /** Null when the audience does not rank by value. */
  basis: ValueBasis | null;
  cutoffs: Map<number, ValueCutoff>;
  /** The spend window's start (spend basis). */
  since: Date;
}

/**
 * Each member's purchases in (since, asOf], net of returns as points' `order_net_values` view
 * counts them (an order returned in full is no purchase): total spend and the last purchase.
 */
const spendSql = (where: string): string => `
  SELECT o.member_id, sum(o.net_total) AS spend, max(o.occurred_at) AS last_at
  FROM order_net_values o
  WHERE ${where} AND NOT o.fully_returned
  GROUP BY o.member_id
  HAVING sum(o.net_total) > 0`;

/**
 * How a run ranks its top_clv_percent criteria, and each share's cut-off: by the latest model's
 * CLV when members have one; otherwise (no usable model yet: too little history, or a fit that
 * was refused) by the proxy — net spend over the SPEND_WINDOW_DAYS up to the run, ties broken by
 * the most recent purchase, then member id. Either way the top ceil(N × percent) of the N members
 * with a value (a CLV, or spend > 0) are in.
 */
export async function valueRanking(
  manager: EntityManager,
  criteria: AudienceCriterion[],
  asOf: Date,
): Promise<ValueRanking> {
  const since = addDays(asOf, -SPEND_WINDOW_DAYS);
  const cutoffs = new Map<number, ValueCutoff>();
  const percents = criteria
    .filter((c) => c.segment === 'top_clv_percent')
    .map((c) => c.params?.percent ?? 0);
  if (percents.length === 0) {
    return { basis: null, cutoffs, since };
  }
  const [scored] = await manager.query<{ any: boolean }[]>(
    'SELECT EXISTS (SELECT 1 FROM member_scores WHERE clv IS NOT NULL) AS any',
  );
  const basis: ValueBasis = scored?.any ? 'clv' : 'spend';
  for (const percent of percents) {
    if (basis === 'clv') {
      // Counted first: Citus takes no subquery in OFFSET.
      const [scoredCount] = await manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM member_scores WHERE clv IS NOT NULL',
      );
      const [row] = await manager.query<{ clv: number; member_id: string }[]>(
        `SELECT clv, member_id FROM member_scores WHERE clv IS NOT NULL ORDER BY clv DESC, member_id
         OFFSET $1 LIMIT 1`,
        [cutoffOffset(scoredCount?.n ?? 0, percent)],
      );
      if (row) {
        cutoffs.set(percent, { value: row.clv, lastPurchaseAt: null, memberId: row.member_id });
      }
      continue;
    }
    const spendWindow = spendSql('o.occurred_at > $1 AND o.occurred_at <= $2');
    const [spenders] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (${spendWindow}) spend`,
      [since, asOf],
    );
    const [row] = await manager.query<{ exact_spend: string; last_at: Date; member_id: string }[]>(
      `SELECT spend::text AS exact_spend, last_at, member_id FROM (${spendWindow}) spend
       ORDER BY spend DESC, last_at DESC, member_id
       OFFSET $3 LIMIT 1`,
      [since, asOf, cutoffOffset(spenders?.n ?? 0, percent)],
    );
    if (row) {
      cutoffs.set(percent, {
        value: row.exact_spend,
        lastPurchaseAt: row.last_at,
        memberId: row.member_id,
      });
    }
  }
  return { basis, cutoffs, since };
}

/** The row of a ranking of `count` at which the top `percent` ends (the ceiling, from 0). */
function cutoffOffset(count: number, percent: number): number {
  return Math.max(Math.ceil((count * percent) / 100) - 1, 0);
}

/**
 * The SQL condition (on `m`, the members table) for an audience; every criterion must hold.
 * Parameters are appended to `params` and referenced by position. `after` is the SQL of a
 * member id the caller already requires `m.id` to exceed (batches in id order): it is repeated
 * inside the member_scores subqueries, because PostgreSQL does not carry an inequality across
 * a join, and without it every batch would scan those tables from their first row.
 */
export function audienceCondition(
  criteria: AudienceCriterion[],
  params: unknown[],
  asOf: Date,
  timeZone: string,
  ranking: ValueRanking = { basis: null, cutoffs: new Map(), since: asOf },
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
        // Cut-offs are found once per run (see valueRanking), not once per batch.
        const cutoff = ranking.cutoffs.get(c.params?.percent ?? 0);
        if (!cutoff) {
          return 'false';
        }
        if (ranking.basis === 'spend') {
          const [value, last, id] = [p(cutoff.value), p(cutoff.lastPurchaseAt), p(cutoff.memberId)];
          // Per member (an index probe on orders), so a batch costs its own members' orders only.
          return `EXISTS (SELECT 1 FROM (${spendSql(`o.member_id = m.id AND o.occurred_at > ${p(ranking.since)} AND o.occurred_at <= ${p(asOf)}`)}) s
                          WHERE s.spend > ${value}::numeric
                             OR (s.spend = ${value}::numeric AND (s.last_at > ${last}::timestamptz
                                 OR (s.last_at = ${last}::timestamptz AND m.id <= ${id}::uuid))))`;
        }
        return `m.id IN (SELECT member_id FROM member_scores
                         WHERE ${from}(clv > ${p(cutoff.value)}::float8 OR (clv = ${p(cutoff.value)}::float8 AND member_id <= ${p(cutoff.memberId)}::uuid)))`;
      }
      case 'rfm_segment':
        return `m.id IN (SELECT member_id FROM member_scores WHERE ${from}rfm_segment = ANY(${p(c.params?.segments ?? [])}::text[]))`;
      case 'tier':
        return `${memberTierCodeSql('m.id')} = ANY(${p(c.params?.tiers ?? [])}::text[])`;
      case 'birthday_today':
        return `to_char(m.birth_date, 'MM-DD') = to_char(${p(asOf)}::timestamptz AT TIME ZONE ${p(timeZone)}, 'MM-DD')`;
      case 'inactive_days': {
        const since = addDays(asOf, -(c.params?.days ?? 0));
        return `EXISTS (SELECT 1 FROM order_net_values o WHERE o.member_id = m.id)
                AND NOT EXISTS (SELECT 1 FROM order_net_values o WHERE o.member_id = m.id AND o.occurred_at > ${p(since)})`;
      }
    }
  });
  return parts.length ? parts.map((s) => `(${s})`).join(' AND ') : 'true';
}
