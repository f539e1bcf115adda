import type { DataSource, EntityManager } from 'typeorm';
import {
  constraintOf,
  EventOutbox,
  type EventPayload,
  inTransaction,
  type OutboxEvent,
  sqlState,
  SystemClock,
} from '@vafa/platform';
import {
  generateCardNumber,
  generateReferralCode,
  type MemberEnrolledEventData,
} from '@vafa/members';
import { MemberIdSequence } from './member-id-sequence';
import type { ImportRow } from './transaction-row';

export interface BatchOutcome {
  membersCreated: number;
  ordersImported: number;
}

/** A member the batch would create, as drawn for it. */
interface NewMember {
  id: string;
  externalId: string;
  cardNumber: string;
  referralCode: string;
  joinedAt: Date;
}

/** A batch with its statement parameters built, ready to be sent. */
export interface PreparedBatch {
  rows: readonly ImportRow[];
  parameters: unknown[];
  /** The members it creates unless they exist, by id. */
  candidates: ReadonlyMap<string, NewMember>;
}

/** member.enrolled of members the import created. */
const enrolledEvents = (members: Iterable<NewMember>): OutboxEvent[] =>
  [...members].map((m) => {
    const data: EventPayload<MemberEnrolledEventData> = {
      memberId: m.id,
      externalId: m.externalId,
      cardNumber: m.cardNumber,
      referralCode: m.referralCode,
      channel: null,
      joinedAt: m.joinedAt.toISOString(),
      source: 'import',
      referrerId: null,
    };
    return { type: 'member.enrolled', memberId: m.id, data };
  });

/** Generated card numbers and referral codes rarely collide; each retry draws new ones. */
const MEMBER_INSERT_ATTEMPTS = 5;

/**
 * A PostgreSQL array literal of values that need no quoting (uuids, ISO times, integers, card
 * numbers, referral codes, channels): built directly, because node-postgres escapes and quotes
 * every element of an array parameter, which costs more than the rest of a batch's preparation.
 */
const plainArrayLiteral = (values: readonly (string | number)[]): string => `{${values.join(',')}}`;

/**
 * One batch in one statement (so one round trip and one transaction): the members the batch
 * names that do not exist yet, with the ids, card numbers and referral codes drawn for them
 * (`$1`–`$5`), then the orders (`$6`–`$10`, each naming its member by position in `$1`). Existing
 * members are looked up, not created again.
 *
 * The `strict` form inserts without conflict handling and fails on any unique violation; it
 * is what a new file takes, and it costs PostgreSQL about a quarter less than the `tolerant`
 * form, whose `ON CONFLICT DO NOTHING` probes every unique index before each insert. The
 * tolerant form leaves existing orders alone (so a batch written twice changes nothing the second
 * time) and lists in `unresolved` the members it could not create (a drawn card number or
 * referral code was taken, or someone enrolled them meanwhile), whose orders it does not write.
 */
const writeBatchStatement = (form: 'strict' | 'tolerant'): string => {
  const onConflict = (target: string): string =>
    form === 'tolerant' ? `ON CONFLICT ${target} DO NOTHING` : '';
  return `
  WITH candidates AS (
    SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
      WITH ORDINALITY AS c(external_id, id, card_number, referral_code, joined_at, k)
  ), existing AS (
    SELECT m.id, m.external_id FROM members m WHERE m.external_id = ANY($1::text[])
  ), created AS (
    INSERT INTO members (id, external_id, card_number, referral_code, joined_at)
    SELECT c.id, c.external_id, c.card_number, c.referral_code, c.joined_at
    FROM candidates c
    WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.external_id = c.external_id)
    ${onConflict('')}
    RETURNING id, external_id
  ), resolved AS (
    SELECT c.k, m.id
    FROM candidates c
    JOIN (SELECT id, external_id FROM existing UNION ALL SELECT id, external_id FROM created) m
      ON m.external_id = c.external_id
  ), placed AS (
    INSERT INTO orders (member_id, id, order_id, channel, occurred_at, subtotal, total, source)
    SELECT m.id, gen_random_uuid(), r.order_id, r.channel, r.occurred_at, r.amount, r.amount, 'import'
    FROM unnest($6::bigint[], $7::text[], $8::text[], $9::timestamptz[], $10::bigint[])
      AS r(k, order_id, channel, occurred_at, amount)
    JOIN resolved m ON m.k = r.k
    ${onConflict('(order_id)')}
    RETURNING 1
  )
  SELECT ARRAY(SELECT id::text FROM created) AS created,
         (SELECT count(*) FROM placed)::int AS orders_imported,
         ARRAY(SELECT c.external_id FROM candidates c
               WHERE NOT EXISTS (SELECT 1 FROM resolved m WHERE m.k = c.k)) AS unresolved`;
};
const WRITE_NEW_BATCH = writeBatchStatement('strict');
const WRITE_ANY_BATCH = writeBatchStatement('tolerant');
const UNIQUE_VIOLATION = '23505';
const ORDER_ID_INDEX = 'uq_orders_order_id';

/** Where new members' card numbers and referral codes come from (tests choose colliding ones). */
export interface MemberIdentifierDraws {
  cardNumber(): string;
  referralCode(): string;
}

const RANDOM_IDENTIFIERS: MemberIdentifierDraws = {
  cardNumber: generateCardNumber,
  referralCode: generateReferralCode,
};

interface BatchResult {
  created: string[];
  orders_imported: number;
  unresolved: string[];
}

/**
 * Writes purchases batch by batch. `prepare` builds a batch's parameters (CPU work an import
 * can do while the previous batch is being written) and `write` sends it as one statement, with
 * member.enrolled for the members it created in the same transaction.
 */
export class TransactionImportWriter {
  private readonly memberIds = new MemberIdSequence();
  private readonly events = new EventOutbox(new SystemClock());
  /** Set once a batch met orders that were already there: the file was (partly) imported before. */
  private overlapsEarlierImport = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly draw: MemberIdentifierDraws = RANDOM_IDENTIFIERS,
  ) {}

  prepare(rows: readonly ImportRow[]): PreparedBatch {
    // A new member joined at their earliest purchase in the batch.
    const firstSeen = new Map<string, { position: number; joinedAt: Date }>();
    const memberPositions: number[] = [];
    for (const row of rows) {
      let member = firstSeen.get(row.externalId);
      if (!member) {
        member = { position: firstSeen.size + 1, joinedAt: row.occurredAt };
        firstSeen.set(row.externalId, member);
      } else if (row.occurredAt < member.joinedAt) {
        member.joinedAt = row.occurredAt;
      }
      memberPositions.push(member.position);
    }
    const candidates = new Map<string, NewMember>();
    for (const [externalId, { joinedAt }] of firstSeen) {
      const id = this.memberIds.next();
      candidates.set(id, {
        id,
        externalId,
        cardNumber: this.draw.cardNumber(),
        referralCode: this.draw.referralCode(),
        joinedAt,
      });
    }
    const members = [...candidates.values()];
    return {
      rows,
      candidates,
      parameters: [
        [...firstSeen.keys()],
        plainArrayLiteral(members.map((m) => m.id)),
        plainArrayLiteral(members.map((m) => m.cardNumber)),
        plainArrayLiteral(members.map((m) => m.referralCode)),
        plainArrayLiteral(members.map((m) => m.joinedAt.toISOString())),
        plainArrayLiteral(memberPositions),
        rows.map((r) => r.orderId),
        plainArrayLiteral(rows.map((r) => r.channel)),
        plainArrayLiteral(rows.map((r) => r.occurredAt.toISOString())),
        plainArrayLiteral(rows.map((r) => r.amount)),
      ],
    };
  }

  async write(batch: PreparedBatch): Promise<BatchOutcome> {
    if (!this.overlapsEarlierImport) {
      try {
        return await this.send(WRITE_NEW_BATCH, batch);
      } catch (error) {
        if (sqlState(error) !== UNIQUE_VIOLATION) {
          throw error;
        }
        // The statement wrote nothing. A taken card number concerns this batch only; orders
        // already there mean the rest of the file has likely been imported before too.
        if (constraintOf(error) === ORDER_ID_INDEX) {
          this.overlapsEarlierImport = true;
        }
      }
    }
    return this.send(WRITE_ANY_BATCH, batch);
  }

  private async send(statement: string, batch: PreparedBatch): Promise<BatchOutcome> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      const [written] = await manager.query<BatchResult[]>(statement, batch.parameters);
      if (!written) {
        throw new Error('the import statement returned no row');
      }
      const created = written.created.map((id) => batch.candidates.get(id));
      await this.events.emitMany(
        manager,
        enrolledEvents(created.filter((m): m is NewMember => m !== undefined)),
      );
      return written;
    });
    const outcome = {
      membersCreated: result.created.length,
      ordersImported: result.orders_imported,
    };
    if (result.unresolved.length === 0) {
      return outcome;
    }
    const unresolved = new Set(result.unresolved);
    const rest = await this.writeStepByStep(batch.rows.filter((r) => unresolved.has(r.externalId)));
    return {
      membersCreated: outcome.membersCreated + rest.membersCreated,
      ordersImported: outcome.ordersImported + rest.ordersImported,
    };
  }

  /** The slow path for the few members the batch statement could not create. */
  private writeStepByStep(rows: readonly ImportRow[]): Promise<BatchOutcome> {
    return inTransaction(this.dataSource, async (manager) => {
      const { ids, created } = await this.ensureMembers(manager, rows);
      const memberIds = rows.map((row) => {
        const id = ids.get(row.externalId);
        if (!id) {
          throw new Error(`member ${row.externalId} vanished during the import`);
        }
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
          rows.map((r) => r.occurredAt.toISOString()),
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
    const firstSeen = new Map<string, Date>();
    for (const row of rows) {
      const seen = firstSeen.get(row.externalId);
      if (!seen || row.occurredAt < seen) {
        firstSeen.set(row.externalId, row.occurredAt);
      }
    }
    const ids = new Map<string, string>();
    const lookUp = async (externalIds: string[]): Promise<void> => {
      const found = await manager.query<{ id: string; external_id: string }[]>(
        'SELECT id, external_id FROM members WHERE external_id = ANY($1::text[])',
        [externalIds],
      );
      for (const m of found) {
        ids.set(m.external_id, m.id);
      }
    };
    await lookUp([...firstSeen.keys()]);

    let created = 0;
    for (let attempt = 1; ; attempt++) {
      const missing = [...firstSeen.keys()].filter((id) => !ids.has(id));
      if (missing.length === 0) {
        return { ids, created };
      }
      if (attempt > MEMBER_INSERT_ATTEMPTS) {
        throw new Error(`could not create members ${missing.slice(0, 5).join(', ')}`);
      }
      // No conflict target: a taken external id (someone enrolled them meanwhile) and a colliding
      // card number or referral code are all skipped here, and the look-up below sorts them out.
      const inserted = await manager.query<
        {
          id: string;
          external_id: string;
          card_number: string;
          referral_code: string;
          joined_at: Date;
        }[]
      >(
        `INSERT INTO members (id, external_id, card_number, referral_code, joined_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
         ON CONFLICT DO NOTHING
         RETURNING id, external_id, card_number, referral_code, joined_at`,
        [
          missing.map(() => this.memberIds.next()),
          missing,
          missing.map(() => this.draw.cardNumber()),
          missing.map(() => this.draw.referralCode()),
          missing.map((id) => firstSeen.get(id)?.toISOString()),
        ],
      );
      created += inserted.length;
      for (const m of inserted) {
        ids.set(m.external_id, m.id);
      }
      await this.events.emitMany(
        manager,
        enrolledEvents(
          inserted.map((m) => ({
            id: m.id,
            externalId: m.external_id,
            cardNumber: m.card_number,
            referralCode: m.referral_code,
            joinedAt: m.joined_at,
          })),
        ),
      );
      if (inserted.length < missing.length) {
        await lookUp(missing.filter((id) => !ids.has(id)));
      }
    }
  }
}
