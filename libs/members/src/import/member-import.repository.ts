import type { EntityManager } from 'typeorm';
import { EventOutbox, type EventPayload, type OutboxEvent, SystemClock } from '@vafa/platform';
import type { MemberEnrolledEventData } from '../events/member-events.dto';
import { generateCardNumber, generateReferralCode } from '../member-identity';
import { MemberIdSequence } from './member-id-sequence';

/** Where new members' card numbers and referral codes come from (tests choose colliding ones). */
export interface MemberIdentifierDraws {
  cardNumber(): string;
  referralCode(): string;
}

const RANDOM_IDENTIFIERS: MemberIdentifierDraws = {
  cardNumber: generateCardNumber,
  referralCode: generateReferralCode,
};

/** A member an import would create, as drawn for it. */
interface NewMember {
  id: string;
  externalId: string;
  cardNumber: string;
  referralCode: string;
  joinedAt: Date;
}

/**
 * The members one import batch names, in order of first appearance (position k is 1-based),
 * with the ids, card numbers and referral codes drawn for the ones that turn out to be new.
 */
export interface PreparedMembers {
  /** `$1`–`$5` of the statement. */
  parameters: unknown[];
  /** The members it creates unless they exist, by id. */
  candidates: ReadonlyMap<string, NewMember>;
}

/** What became of a prepared batch's members. */
export interface ResolvedMembers {
  /** The member id at each position (index k - 1); null for an unresolved one. */
  ids: (string | null)[];
  membersCreated: number;
  /** External ids the statement could not create nor find: see `createMissing`. */
  unresolved: string[];
}

/** member.enrolled of members an import created. */
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
 * A PostgreSQL array literal of values that need no quoting (uuids, ISO times, card numbers,
 * referral codes): built directly, because node-postgres escapes and quotes every element of an
 * array parameter, which costs more than the rest of a batch's preparation.
 */
const plainArrayLiteral = (values: readonly string[]): string => `{${values.join(',')}}`;

/**
 * The members a batch names that do not exist yet, created with what was drawn for them, and
 * every member's id by position. Existing members are looked up, not created again.
 *
 * The `strict` form inserts without conflict handling and fails on any unique violation; it is
 * what a new file takes, and it costs PostgreSQL less than the `tolerant` form, whose
 * `ON CONFLICT DO NOTHING` probes every unique index before each insert. The tolerant form
 * lists in `unresolved` the members it could not create (a drawn card number or referral code
 * was taken, or someone enrolled them meanwhile).
 */
const createMissingStatement = (form: 'strict' | 'tolerant'): string => `
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
    ${form === 'tolerant' ? 'ON CONFLICT DO NOTHING' : ''}
    RETURNING id, external_id
  ), resolved AS (
    SELECT c.k, m.id
    FROM candidates c
    JOIN (SELECT id, external_id FROM existing UNION ALL SELECT id, external_id FROM created) m
      ON m.external_id = c.external_id
  )
  SELECT ARRAY(SELECT id::text FROM created) AS created,
         ARRAY(SELECT r.id::text FROM candidates c LEFT JOIN resolved r ON r.k = c.k
               ORDER BY c.k) AS ids,
         ARRAY(SELECT c.external_id FROM candidates c
               WHERE NOT EXISTS (SELECT 1 FROM resolved r WHERE r.k = c.k)) AS unresolved`;
const CREATE_NEW = createMissingStatement('strict');
const CREATE_ANY = createMissingStatement('tolerant');

interface CreateMissingResult {
  created: string[];
  ids: (string | null)[];
  unresolved: string[];
}

/**
 * The members' side of the purchase-history import (`vafa import transactions`): creates the
 * members an import names, with member.enrolled for each in the same transaction. Member ids
 * are time-ordered, so a large import appends to the indexes instead of writing random pages.
 */
export class MemberImportRepository {
  private readonly memberIds = new MemberIdSequence();
  private readonly events = new EventOutbox(new SystemClock());

  constructor(private readonly draw: MemberIdentifierDraws = RANDOM_IDENTIFIERS) {}

  /**
   * Draws ids and identifiers for the members of a batch (external id → joined at, in order of
   * first appearance): CPU work an import does while the previous batch is being written.
   */
  prepare(firstSeen: ReadonlyMap<string, Date>): PreparedMembers {
    const candidates = new Map<string, NewMember>();
    for (const [externalId, joinedAt] of firstSeen) {
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
      candidates,
      parameters: [
        [...firstSeen.keys()],
        plainArrayLiteral(members.map((m) => m.id)),
        plainArrayLiteral(members.map((m) => m.cardNumber)),
        plainArrayLiteral(members.map((m) => m.referralCode)),
        plainArrayLiteral(members.map((m) => m.joinedAt.toISOString())),
      ],
    };
  }

  /** Creates the prepared members that do not exist (one statement) and finds the others. */
  async createMissing(
    manager: EntityManager,
    prepared: PreparedMembers,
    form: 'strict' | 'tolerant',
  ): Promise<ResolvedMembers> {
    const [result] = await manager.query<CreateMissingResult[]>(
      form === 'strict' ? CREATE_NEW : CREATE_ANY,
      prepared.parameters,
    );
    if (!result) {
      throw new Error('the member import statement returned no row');
    }
    const created = result.created.map((id) => prepared.candidates.get(id));
    await this.events.emitMany(
      manager,
      enrolledEvents(created.filter((m): m is NewMember => m !== undefined)),
    );
    return {
      ids: result.ids,
      membersCreated: result.created.length,
      unresolved: result.unresolved,
    };
  }

  /**
   * Member id by external id for every member named (external id → joined at), creating the
   * missing ones a few at a time: the slow path for the few members `createMissing` could not
   * create.
   */
  async ensure(
    manager: EntityManager,
    firstSeen: ReadonlyMap<string, Date>,
  ): Promise<{ ids: Map<string, string>; membersCreated: number }> {
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

    let membersCreated = 0;
    for (let attempt = 1; ; attempt++) {
      const missing = [...firstSeen.keys()].filter((id) => !ids.has(id));
      if (missing.length === 0) {
        return { ids, membersCreated };
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
      membersCreated += inserted.length;
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
