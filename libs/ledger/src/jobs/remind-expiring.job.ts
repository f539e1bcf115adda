import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@vafa/platform';
import { MemberNotifications } from '../notifications/member-notifications.repository';
import { ProgramSettingsRepository } from '../program/program-settings.repository';

const KIND = 'points.expiring_soon';

/**
 * Available points grouped by member and the program-time-zone day they expire, with the
 * tightest reminder threshold that day has come within ($1 now, $2 thresholds ascending, $3 the
 * time zone; `memberFilter` narrows to a batch). A day is announced once per threshold, at the
 * tightest one it falls within, so a reminder that is late (points credited 5 days before
 * they expire, a job that did not run) skips the larger thresholds rather than sending them
 * all at once.
 */
const dueReminders = (memberFilter: string): string => `
  SELECT g.member_id, g.expires_on, g.expires_at, g.points, g.threshold,
         'expiring:' || to_char(g.expires_on, 'YYYY-MM-DD') || ':' || g.threshold AS dedupe_key
  FROM (
    SELECT d.*, (SELECT min(n) FROM unnest($2::int[]) AS n
                 WHERE d.expires_at <= $1::timestamptz + make_interval(days => n)) AS threshold
    FROM (
      SELECT l.member_id, (l.expires_at AT TIME ZONE $3)::date AS expires_on,
             min(l.expires_at) AS expires_at, sum(l.remaining) AS points
      FROM ledger_lots l
      -- Two days past the largest threshold: every lot of a day that may be due (a day in a
      -- time zone with daylight saving lasts up to 25 hours).
      WHERE l.state = 'available' AND l.remaining > 0 AND l.expires_at > $1
        AND l.expires_at <= $1::timestamptz + make_interval(days => (SELECT max(n) FROM unnest($2::int[]) AS n) + 2)
        ${memberFilter}
      GROUP BY l.member_id, expires_on
    ) d
  ) g
  WHERE g.threshold IS NOT NULL
    -- Not told of this day yet at this threshold, nor at a tighter one (the thresholds may
    -- have changed since).
    AND NOT EXISTS (
      SELECT 1 FROM member_notifications n
      WHERE n.member_id = g.member_id AND n.kind = '${KIND}'
        AND n.dedupe_key LIKE 'expiring:' || to_char(g.expires_on, 'YYYY-MM-DD') || ':%'
        AND split_part(n.dedupe_key, ':', 3)::int <= g.threshold)`;

/**
 * Sends `points.expiring_soon` to members with available points expiring within each of the
 * program's `expiryReminderDays`: one event per member, expiry day and threshold, ever (the
 * member_notifications key decides, also between instances running it at once). One pass over
 * the lots in the window finds the members with a reminder not yet sent; then batches of members
 * each record their reminders and emit their events in one transaction.
 */
@Injectable()
export class RemindExpiringJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ProgramSettingsRepository,
    private readonly notifications: MemberNotifications,
  ) {}

  async run(now: Date, batchSize = 1000): Promise<{ members: number; sent: number }> {
    const { expiryReminderDays, timeZone } = await this.settings.get();
    const thresholds = [...expiryReminderDays].sort((a, b) => a - b);
    const due = await this.dataSource.query<{ member_id: string }[]>(
      `SELECT DISTINCT r.member_id FROM (${dueReminders('')}) r ORDER BY r.member_id`,
      [now, thresholds, timeZone],
    );
    let sent = 0;
    const members = new Set<string>();
    for (let start = 0; start < due.length; start += batchSize) {
      const batch = due.slice(start, start + batchSize).map((r) => r.member_id);
      const reminded = await inTransaction(this.dataSource, (manager) =>
        this.notifications.sendOnce(
          manager,
          KIND,
          `SELECT r.member_id, r.dedupe_key,
                  jsonb_build_object(
                    'memberId', r.member_id,
                    'points', r.points,
                    'expiresAt', to_char(r.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                    'expiresOn', to_char(r.expires_on, 'YYYY-MM-DD'),
                    'thresholdDays', r.threshold,
                    'balance', coalesce(a.available, 0)) AS data
           FROM (${dueReminders('AND l.member_id = ANY($4::uuid[])')}) r
           LEFT JOIN ledger_accounts a ON a.member_id = r.member_id`,
          [now, thresholds, timeZone, batch],
          now,
        ),
      );
      sent += reminded.length;
      for (const memberId of reminded) {
        members.add(memberId);
      }
    }
    await this.notifications.prune(this.dataSource.manager, KIND, now);
    return { members: members.size, sent };
  }
}
