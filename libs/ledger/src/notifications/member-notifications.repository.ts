import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventOutbox, type EventType } from '@vafa/platform';

/** The member notifications sent from jobs; each is also the type of its event. */
export type MemberNotificationKind = Extract<
  EventType,
  'points.expiring_soon' | 'tier.downgrade_warning' | 'member.birthday'
>;

/**
 * A key can come due only within a year of its first sending (thresholds and warnings reach at
 * most 365 days ahead, birthdays name their year), so older rows are no longer needed.
 */
const KEEP_DAYS = 400;

/**
 * The SQL condition that the notification `kind` with `dedupeKey` has not been sent to
 * `memberId` (each an SQL expression), for jobs that look for whom to notify in one statement.
 */
export const notificationNotSent = (memberId: string, kind: string, dedupeKey: string): string =>
  `NOT EXISTS (SELECT 1 FROM member_notifications n
               WHERE n.member_id = ${memberId} AND n.kind = ${kind} AND n.dedupe_key = ${dedupeKey})`;

/**
 * The same test as an anti-join, for statements Citus must push down to the shards (it takes no
 * correlated subquery beside a CTE): `LEFT JOIN` this, then require `${alias}.member_id IS NULL`.
 */
export const notificationSentJoin = (
  alias: string,
  memberId: string,
  kind: string,
  dedupeKey: string,
): string =>
  `LEFT JOIN member_notifications ${alias}
     ON ${alias}.member_id = ${memberId} AND ${alias}.kind = ${kind} AND ${alias}.dedupe_key = ${dedupeKey}`;

/**
 * Sends member notifications exactly once: records each one's key and emits its event in the
 * caller's transaction. A key already recorded (by an earlier run, or by another instance whose
 * transaction committed first) is skipped, so its event is not written again.
 */
@Injectable()
export class MemberNotifications {
  constructor(private readonly outbox: EventOutbox) {}

  /**
   * `candidatesSql` selects `member_id uuid, dedupe_key text, data jsonb` (one row per member and
   * key) with `params`; those whose key is new are recorded and emitted. Answers the members
   * they went to, one entry per notification.
   */
  async sendOnce(
    manager: EntityManager,
    kind: MemberNotificationKind,
    candidatesSql: string,
    params: unknown[],
    now: Date,
  ): Promise<string[]> {
    const k = params.length + 1;
    const sent = await manager.query<{ member_id: string; data: Record<string, unknown> }[]>(
      `WITH candidates AS (${candidatesSql}),
       recorded AS (
         INSERT INTO member_notifications (member_id, kind, dedupe_key, created_at)
         SELECT member_id, $${k}, dedupe_key, $${k + 1} FROM candidates ORDER BY member_id, dedupe_key
         ON CONFLICT DO NOTHING
         RETURNING member_id, dedupe_key)
       SELECT c.member_id, c.data FROM candidates c JOIN recorded r USING (member_id, dedupe_key)
       ORDER BY c.member_id, c.dedupe_key`,
      [...params, kind, now],
    );
    if (sent.length === 0) {
      return [];
    }
    await this.outbox.emitMany(
      manager,
      sent.map((row) => ({ type: kind, memberId: row.member_id, data: row.data, occurredAt: now })),
    );
    return sent.map((row) => row.member_id);
  }

  /** Forgets keys no run can produce again. */
  async prune(manager: EntityManager, kind: MemberNotificationKind, now: Date): Promise<void> {
    await manager.query(
      `DELETE FROM member_notifications WHERE kind = $1 AND created_at < $2::timestamptz - make_interval(days => $3)`,
      [kind, now, KEEP_DAYS],
    );
  }
}
