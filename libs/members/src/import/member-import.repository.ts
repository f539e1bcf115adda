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
  /** `$1`–`$5` of the statements (see memberParameters). */
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

/** The identities a new member is created with: card number, referral code, external id. */
const IDENTITIES_PER_MEMBER = 3;

/**
 * A PostgreSQL array literal of values that need no quoting (uuids, ISO times, card numbers,
 * referral codes): built directly, because node-postgres escapes and quotes every element of an
 * array parameter, which costs more than the rest of a batch's preparation.
 */
const plainArrayLiteral = (values: readonly string[]): string => `{${values.join(',')}}`;

/** The members as the statements' `$1`–`$5`: external ids, ids, card numbers, referral codes, joined at. */
const memberParameters = (members: readonly NewMember[]): unknown[] => [
  members.map((m) => m.externalId),
  plainArrayLiteral(members.map((m) => m.id)),
  plainArrayLiteral(members.map((m) => m.cardNumber)),
  plainArrayLiteral(members.map((m) => m.referralCode)),
  plainArrayLiteral(members.map((m) => m.joinedAt.toISOString())),
];

/** The members that exist, by external id ($1). */
const FIND_EXISTING = `
  SELECT value AS external_id, member_id AS id FROM member_identities
  WHERE kind = 'external_id' AND value = ANY($1::text[])`;

/**
 * The new members' identities ($1–$4 of memberParameters), claimed for the ids drawn for them.
 * The `strict` form inserts without conflict handling and fails on any identity someone holds;
 * it is what a new file takes, and it costs PostgreSQL less than the `tolerant` form, whose
 * `ON CONFLICT DO NOTHING` probes the key before each insert. The tolerant form answers a row
 * per identity claimed: a member missing some could not be created (a drawn card number or
 * referral code was taken, or someone enrolled them meanwhile).
 */
const claimStatement = (form: 'strict' | 'tolerant'): string => `
  INSERT INTO member_identities (kind, value, member_id)
  SELECT i.kind, i.value, c.id
  FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[])
    AS c(external_id, id, card_number, referral_code)
  CROSS JOIN LATERAL (VALUES ('card_number', c.card_number), ('referral_code', c.referral_code),
                             ('external_id', c.external_id)) AS i(kind, value)
  ${form === 'tolerant' ? 'ON CONFLICT DO NOTHING RETURNING member_id' : ''}`;
const CLAIM_NEW = claimStatement('strict');
const CLAIM_ANY = claimStatement('tolerant');

/** Frees what was claimed for members that will not be created (their ids are new). */
const RELEASE_IDENTITIES = `
  DELETE FROM member_identities WHERE value = ANY($1::text[]) AND member_id = ANY($2::uuid[])`;

/** The members whose identities were claimed ($1–$5 of memberParameters). */
const INSERT_MEMBERS = `
  INSERT INTO members (external_id, id, card_number, referral_code, joined_at)
  SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])`;

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
    return { candidates, parameters: memberParameters([...candidates.values()]) };
  }

  /**
   * Creates the prepared members that do not exist and finds the others, set-based, each
   * statement on one table: the existing members looked up, the new ones' identities claimed,
   * the new members inserted.
   */
  async createMissing(
    manager: EntityManager,
    prepared: PreparedMembers,
    form: 'strict' | 'tolerant',
  ): Promise<ResolvedMembers> {
    const candidates = [...prepared.candidates.values()];
    const found = await manager.query<{ external_id: string; id: string }[]>(FIND_EXISTING, [
      prepared.parameters[0],
    ]);
    const existing = new Map(found.map((m) => [m.external_id, m.id]));
    const fresh = candidates.filter((m) => !existing.has(m.externalId));
    const parameters =
      fresh.length === candidates.length ? prepared.parameters : memberParameters(fresh);

    let created = fresh;
    if (fresh.length > 0 && form === 'strict') {
      await manager.query(CLAIM_NEW, parameters.slice(0, 4));
    } else if (fresh.length > 0) {
      const claims = await manager.query<{ member_id: string }[]>(
        CLAIM_ANY,
        parameters.slice(0, 4),
      );
      const claimed = new Map<string, number>();
      for (const { member_id: id } of claims) {
        claimed.set(id, (claimed.get(id) ?? 0) + 1);
      }
      created = fresh.filter((m) => claimed.get(m.id) === IDENTITIES_PER_MEMBER);
      const partial = fresh.filter((m) => {
        const n = claimed.get(m.id) ?? 0;
        return n > 0 && n < IDENTITIES_PER_MEMBER;
      });
      if (partial.length > 0) {
        await manager.query(RELEASE_IDENTITIES, [
          partial.flatMap((m) => [m.cardNumber, m.referralCode, m.externalId]),
          partial.map((m) => m.id),
        ]);
      }
    }
    if (created.length > 0) {
      await manager.query(
        INSERT_MEMBERS,
        created === fresh ? parameters : memberParameters(created),
      );
    }
    await this.events.emitMany(manager, enrolledEvents(created));

    const createdIds = new Set(created.map((m) => m.id));
    const ids = candidates.map((m) =>
      createdIds.has(m.id) ? m.id : (existing.get(m.externalId) ?? null),
    );
    return {
      ids,
      membersCreated: created.length,
      unresolved: candidates.filter((_, i) => ids[i] === null).map((m) => m.externalId),
    };
  }

  /**
   * Member id by external id for every member named (external id → joined at), creating the
   * missing ones: the slow path for the few members `createMissing` could not create, each
   * attempt with new draws.
   */
  async ensure(
    manager: EntityManager,
    firstSeen: ReadonlyMap<string, Date>,
  ): Promise<{ ids: Map<string, string>; membersCreated: number }> {
    const ids = new Map<string, string>();
    let membersCreated = 0;
    for (let attempt = 1; ; attempt++) {
      const missing = new Map([...firstSeen].filter(([externalId]) => !ids.has(externalId)));
      if (missing.size === 0) {
        return { ids, membersCreated };
      }
      if (attempt > MEMBER_INSERT_ATTEMPTS) {
        throw new Error(`could not create members ${[...missing.keys()].slice(0, 5).join(', ')}`);
      }
      const resolved = await this.createMissing(manager, this.prepare(missing), 'tolerant');
      membersCreated += resolved.membersCreated;
      [...missing.keys()].forEach((externalId, i) => {
        const id = resolved.ids[i];
        if (id) {
          ids.set(externalId, id);
        }
      });
    }
  }
}
