import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@vafa/platform';
import { generateCardNumber, generateReferralCode } from '@vafa/members';
import type { ImportRow } from './transaction-row';

export interface BatchOutcome {
  membersCreated: number;
  ordersImported: number;
}

/** Generated card numbers and referral codes rarely collide; each retry draws new ones. */
const MEMBER_INSERT_ATTEMPTS = 5;

/**
 * Time-ordered member ids (UUID version 7, RFC 9562: 48 bits of Unix milliseconds, a 12-bit
 * counter within the millisecond, 62 random bits). Members created by one import get ascending
 * ids, so their rows and their orders (keyed by member id first) go to the end of the indexes
 * instead of to random pages: random uuids make a large import slow down as the indexes outgrow
 * the buffer cache.
 */
export class MemberIdSequence {
  private lastMs = 0;
  private counter = 0;

  next(): string {
    const now = Date.now();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.counter = 0;
    } else if (++this.counter > 0xfff) {
      // More than 4,096 ids in one millisecond: borrow the next one to stay ascending.
      this.lastMs++;
      this.counter = 0;
    }
    const time = this.lastMs.toString(16).padStart(12, '0');
    const random = randomBytes(8);
    random[0] = ((random[0] ?? 0) & 0x3f) | 0x80; // the RFC 9562 variant
    const tail = random.toString('hex');
    return (
      `${time.slice(0, 8)}-${time.slice(8, 12)}-7${this.counter.toString(16).padStart(3, '0')}-` +
      `${tail.slice(0, 4)}-${tail.slice(4, 16)}`
    );
  }
}

/**
 * Writes one batch of purchases in one transaction: the members it names that do not exist yet
 * (one INSERT), then its orders (one INSERT). Existing members and orders are left alone, so a
 * batch written twice changes nothing the second time.
 */
export class TransactionImportWriter {
  private readonly memberIds = new MemberIdSequence();

  constructor(private readonly dataSource: DataSource) {}

  write(rows: readonly ImportRow[]): Promise<BatchOutcome> {
    return inTransaction(this.dataSource, async (manager) => {
      const { ids, created } = await this.ensureMembers(manager, rows);
      const memberIds = rows.map((row) => {
        const id = ids.get(row.externalId);
        if (!id) throw new Error(`member ${row.externalId} vanished during the import`);
        return id;
      });
      const [inserted] = await manager.query<{ n: number }[]>(
        `WITH inserted AS (
           INSERT INTO orders (member_id, id, order_id, channel, occurred_at, subtotal, total, source)
           SELECT r.member_id, gen_random_uuid(), r.order_id, r.channel, r.occurred_at, r.amount, r.amount, 'import'
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::bigint[])
             AS r(member_id, order_id, channel, occurred_at, amount)
           ON CONFLICT (order_id) DO NOTHING
           RETURNING 1
         )
         SELECT count(*)::int AS n FROM inserted`,
        [
          memberIds,
          rows.map((r) => r.orderId),
          rows.map((r) => r.channel),
          rows.map((r) => r.occurredAt),
          rows.map((r) => r.amount),
        ],
      );
      return { membersCreated: created, ordersImported: inserted?.n ?? 0 };
    });
  }

  /** Member id by external id for every member the rows name, creating the missing ones. */
  private async ensureMembers(
    manager: EntityManager,
    rows: readonly ImportRow[],
  ): Promise<{ ids: Map<string, string>; created: number }> {
    // A new member joined at their earliest purchase in the batch.
    const firstSeen = new Map<string, Date>();
    for (const row of rows) {
      const seen = firstSeen.get(row.externalId);
      if (!seen || row.occurredAt < seen) firstSeen.set(row.externalId, row.occurredAt);
    }
    const ids = new Map<string, string>();
    const lookUp = async (externalIds: string[]): Promise<void> => {
      const found = await manager.query<{ id: string; external_id: string }[]>(
        'SELECT id, external_id FROM members WHERE external_id = ANY($1::text[])',
        [externalIds],
      );
      for (const m of found) ids.set(m.external_id, m.id);
    };
    await lookUp([...firstSeen.keys()]);

    let created = 0;
    for (let attempt = 1; ; attempt++) {
      const missing = [...firstSeen.keys()].filter((id) => !ids.has(id));
      if (missing.length === 0) return { ids, created };
      if (attempt > MEMBER_INSERT_ATTEMPTS)
        throw new Error(`could not create members ${missing.slice(0, 5).join(', ')}`);
      // No conflict target: a taken external id (someone enrolled them meanwhile) and a colliding
      // card number or referral code are all skipped here, and the look-up below sorts them out.
      const inserted = await manager.query<{ id: string; external_id: string }[]>(
        `INSERT INTO members (id, external_id, card_number, referral_code, joined_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
         ON CONFLICT DO NOTHING
         RETURNING id, external_id`,
        [
          missing.map(() => this.memberIds.next()),
          missing,
          missing.map(() => generateCardNumber()),
          missing.map(() => generateReferralCode()),
          missing.map((id) => firstSeen.get(id)),
        ],
      );
      created += inserted.length;
      for (const m of inserted) ids.set(m.external_id, m.id);
      if (inserted.length < missing.length) await lookUp(missing.filter((id) => !ids.has(id)));
    }
  }
}
