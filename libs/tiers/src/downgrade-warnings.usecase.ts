import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MemberNotifications, notificationSentJoin } from '@vafa/ledger';

const KIND = 'tier.downgrade_warning';

/** What an order `o` of order_net_values counts for a tier whose metric is the SQL `metric`. */
const orderValue = (metric: string): string =>
  `CASE ${metric} WHEN 'spend' THEN o.net_total ELSE o.net_points END`;

/**
 * The members of a batch ($1) whose tier would be lowered within $3 days of now ($2) if they
 * bought nothing more, with what the warning says ($4: the program's time zone).
 *
 * The downgrade takes effect when the tier's grace period has run from the moment the member
 * stopped qualifying: `below_since`, once the nightly evaluation has found them short; before
 * that, the moment their value for the tier would fall below its threshold, which is when the
 * order that tips it leaves the rolling window. A manual hold postpones the start of the grace
 * period to its end. `pointsOrSpendNeeded` is what the member must still earn (or spend, by the
 * tier's metric) before then to qualify on that day and keep the tier.
 *
 * On Citus: the steps are not materialized and every per-member value is a join grouped by
 * member (no lateral subqueries), so the whole statement pushes down to the shards.
 */
const UPCOMING_DOWNGRADES = `
  WITH standing AS NOT MATERIALIZED (
    SELECT mt.member_id, t.id AS tier_id, t.code, t.rank, t.downgrade_grace_days AS grace,
           t.qualification->>'metric' AS metric, (t.qualification->>'threshold')::numeric AS threshold,
           (t.qualification->>'windowDays')::int AS window_days, mt.below_since, mt.held_until
    FROM member_tiers mt JOIN tiers t ON t.code = mt.tier_code
    WHERE mt.member_id = ANY($1::uuid[]) AND t.rank > (SELECT min(rank) FROM tiers)
  ), counted AS NOT MATERIALIZED (
    SELECT s.member_id, o.order_uuid, o.occurred_at, ${orderValue('s.metric')} AS value
    FROM standing s
    JOIN order_net_values o ON o.member_id = s.member_id AND o.member_id = ANY($1::uuid[])
                 AND o.occurred_at <= $2
                 AND o.occurred_at > $2::timestamptz - make_interval(days => s.window_days)
    WHERE s.below_since IS NULL
  ), remaining AS NOT MATERIALIZED (
    SELECT member_id, occurred_at,
           sum(value) OVER (PARTITION BY member_id)
             - sum(value) OVER (PARTITION BY member_id ORDER BY occurred_at, order_uuid) AS left_after
    FROM counted
  ), falls_short AS NOT MATERIALIZED (
    SELECT DISTINCT ON (x.member_id) x.member_id,
           x.occurred_at + make_interval(days => s.window_days) AS at
    FROM remaining x JOIN standing s USING (member_id)
    WHERE x.left_after < s.threshold
    ORDER BY x.member_id, x.occurred_at
  ), now_value AS NOT MATERIALIZED (
    SELECT member_id, sum(value) AS value FROM counted GROUP BY member_id
  ), upcoming AS NOT MATERIALIZED (
    SELECT s.*,
           CASE
             WHEN s.below_since IS NOT NULL THEN s.below_since
             -- Short already but held: the grace period starts when the hold ends.
             WHEN coalesce(v.value, 0) < s.threshold THEN
               CASE WHEN s.held_until > $2 THEN s.held_until END
             WHEN f.at IS NOT NULL THEN greatest(f.at, s.held_until)
           END + make_interval(days => s.grace) AS effective_at
    FROM standing s
    LEFT JOIN now_value v USING (member_id)
    LEFT JOIN falls_short f USING (member_id)
  ), due AS NOT MATERIALIZED (
    SELECT u.*, (u.effective_at AT TIME ZONE $4)::date AS effective_on FROM upcoming u
    WHERE u.effective_at > $2 AND u.effective_at <= $2::timestamptz + make_interval(days => $3)
  ), kept AS NOT MATERIALIZED (
    SELECT d.member_id, coalesce(sum(${orderValue('d.metric')}), 0) AS value
    FROM due d
    LEFT JOIN order_net_values o ON o.member_id = d.member_id AND o.member_id = ANY($1::uuid[])
      AND o.occurred_at > d.effective_at - make_interval(days => d.window_days) AND o.occurred_at <= $2
    GROUP BY d.member_id
  ), lower_tier AS NOT MATERIALIZED (
    -- The highest lower tier they would still qualify for then (the lowest always qualifies).
    SELECT DISTINCT ON (q.member_id) q.member_id, q.code
    FROM (
      SELECT d.member_id, t2.code, t2.rank
      FROM due d
      JOIN tiers t2 ON t2.rank < d.rank
      LEFT JOIN order_net_values o ON o.member_id = d.member_id AND o.member_id = ANY($1::uuid[])
        AND o.occurred_at > d.effective_at - make_interval(days => (t2.qualification->>'windowDays')::int)
        AND o.occurred_at <= $2
      GROUP BY d.member_id, t2.code, t2.rank, t2.qualification
      HAVING t2.rank = (SELECT min(rank) FROM tiers)
          OR coalesce(sum(${orderValue("t2.qualification->>'metric'")}), 0)
             >= (t2.qualification->>'threshold')::numeric
    ) q
    ORDER BY q.member_id, q.rank DESC
  )
  SELECT d.member_id, 'downgrade:' || d.code || ':' || to_char(d.effective_on, 'YYYY-MM-DD') AS dedupe_key,
         jsonb_build_object(
           'memberId', d.member_id,
           'tierId', d.tier_id,
           'tierCode', d.code,
           'downgradesTo', lower_tier.code,
           'effectiveAt', to_char(d.effective_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'metric', d.metric,
           'pointsOrSpendNeeded', d.threshold - kept.value) AS data
  FROM due d
  JOIN kept USING (member_id)
  JOIN lower_tier USING (member_id)
  -- The night the grace period really starts may fall a day after the predicted moment: the
  -- same downgrade, already warned of.
  ${notificationSentJoin('warned', 'd.member_id', `'${KIND}'`, `'downgrade:' || d.code || ':' || to_char(d.effective_on - 1, 'YYYY-MM-DD')`)}
  WHERE warned.member_id IS NULL`;

/**
 * Sends `tier.downgrade_warning` to members whose tier would be lowered within the program's
 * `tierDowngradeWarningDays`, once per member, tier and downgrade day; run by the nightly tier
 * evaluation on each batch, in the batch's transaction, after the standings are decided.
 */
@Injectable()
export class TierDowngradeWarnings {
  constructor(private readonly notifications: MemberNotifications) {}

  async warn(
    manager: EntityManager,
    memberIds: string[],
    now: Date,
    settings: { warningDays: number; timeZone: string },
  ): Promise<number> {
    if (settings.warningDays <= 0 || memberIds.length === 0) {
      return 0;
    }
    const warned = await this.notifications.sendOnce(
      manager,
      KIND,
      UPCOMING_DOWNGRADES,
      [memberIds, now, settings.warningDays, settings.timeZone],
      now,
    );
    return warned.length;
  }

  /** Forgets warnings no run can send again. */
  prune(manager: EntityManager, now: Date): Promise<void> {
    return this.notifications.prune(manager, KIND, now);
  }
}
