import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@vafa/platform';
import { MemberNotifications, notificationNotSent, ProgramSettingsRepository } from '@vafa/ledger';
import { birthdaysOn, localDay } from './local-day';

const KIND = 'member.birthday';

/** Members whose birthday it is ($1 month, $2 days of it), by the birthday index. */
const BIRTHDAY_MEMBERS = `
  SELECT m.id AS member_id, m.birth_date FROM members m
  WHERE m.birth_date IS NOT NULL
    AND extract(month FROM m.birth_date) = $1 AND extract(day FROM m.birth_date) = ANY($2::int[])`;

/**
 * Sends `member.birthday` on each member's birthday in the program's time zone (29 February
 * birthdays on the 28th in other years), once per member and year: members who have not had
 * this year's are found in one statement, then recorded and emitted in batches.
 */
@Injectable()
export class BirthdayJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ProgramSettingsRepository,
    private readonly notifications: MemberNotifications,
  ) {}

  async run(now: Date, batchSize = 1000): Promise<{ members: number; sent: number }> {
    const { timeZone } = await this.settings.get();
    const today = localDay(now, timeZone);
    const { month, days } = birthdaysOn(today);
    const dedupeKey = `birthday:${today.year}`;
    const due = await this.dataSource.query<{ member_id: string }[]>(
      `SELECT b.member_id FROM (${BIRTHDAY_MEMBERS}) b
       WHERE ${notificationNotSent('b.member_id', '$3', '$4')}
       ORDER BY b.member_id`,
      [month, days, KIND, dedupeKey],
    );
    let sent = 0;
    for (let start = 0; start < due.length; start += batchSize) {
      const batch = due.slice(start, start + batchSize).map((r) => r.member_id);
      const greeted = await inTransaction(this.dataSource, (manager) =>
        this.notifications.sendOnce(
          manager,
          KIND,
          // The birthday is read again in the transaction: a birth date changed meanwhile counts.
          `SELECT b.member_id, $4::text AS dedupe_key,
                  jsonb_build_object('memberId', b.member_id,
                                     'birthDate', to_char(b.birth_date, 'YYYY-MM-DD')) AS data
           FROM (${BIRTHDAY_MEMBERS}) b WHERE b.member_id = ANY($3::uuid[])`,
          [month, days, batch, dedupeKey],
          now,
        ),
      );
      sent += greeted.length;
    }
    await this.notifications.prune(this.dataSource.manager, KIND, now);
    return { members: sent, sent };
  }
}
