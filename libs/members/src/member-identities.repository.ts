import type { EntityManager } from 'typeorm';
import { preparedQuery, queryRows } from '@vafa/platform';
import type { IdentityKind } from './member-identity.entity';
import { MEMBER_ID_BY_IDENTITY } from './member-lookup.query';
import type { MemberEntity } from './member.entity';

/** One value that names a member program-wide. */
export interface Identity {
  kind: IdentityKind;
  value: string;
}

export type IdentityField = 'cardNumber' | 'referralCode' | 'phone' | 'email' | 'externalId';

/** The member's field each kind is (what MEMBER_EXISTS names). */
export const IDENTITY_FIELD: Readonly<Record<IdentityKind, IdentityField>> = {
  card_number: 'cardNumber',
  referral_code: 'referralCode',
  phone: 'phone',
  email: 'email',
  external_id: 'externalId',
};

/**
 * The order every transaction claims identities in, so two never wait on each other in a circle.
 * It is also the order the unique indexes these replace were checked in, so a member clashing
 * on two fields is told about the same one as before.
 */
export const CLAIM_ORDER: readonly IdentityKind[] = [
  'card_number',
  'referral_code',
  'phone',
  'email',
  'external_id',
];

/** The identities a member holds: each of their identity fields that is set, in claim order. */
export const identitiesOf = (member: Pick<MemberEntity, IdentityField>): Identity[] =>
  CLAIM_ORDER.flatMap((kind) => {
    const value = member[IDENTITY_FIELD[kind]];
    return value === null ? [] : [{ kind, value }];
  });

/** Inserts the rows given, leaving alone the ones someone holds; answers the kinds inserted. */
const claimStatement = (count: number) => ({
  name: `vafa_claim_member_identities_${count}`,
  text: `INSERT INTO member_identities (kind, value, member_id) VALUES ${Array.from(
    { length: count },
    (_, i) => `($${2 * i + 2}, $${2 * i + 3}, $1::uuid)`,
  ).join(', ')} ON CONFLICT DO NOTHING RETURNING kind`,
});

/**
 * Gives the member these identities, in the caller's transaction. Answers the kinds whose value
 * another member holds (none written for those; the caller rolls back): a holder whose
 * transaction is still open is waited for, so of two enrolments with one email exactly one
 * gets it.
 */
export async function claimIdentities(
  manager: EntityManager,
  memberId: string,
  identities: readonly Identity[],
): Promise<IdentityKind[]> {
  if (identities.length === 0) {
    return [];
  }
  const { rows } = await preparedQuery<{ kind: IdentityKind }>(
    manager,
    claimStatement(identities.length),
    [memberId, ...identities.flatMap((i) => [i.kind, i.value])],
  );
  const claimed = new Set(rows.map((r) => r.kind));
  return identities.map((i) => i.kind).filter((kind) => !claimed.has(kind));
}

/**
 * A profile change's identities, in the caller's transaction: for each field that changed, the
 * old value freed (anyone may take it once this commits) and the new one claimed. Answers the
 * first kind whose new value another member holds (the caller rolls back), or null.
 */
export async function moveIdentities(
  manager: EntityManager,
  memberId: string,
  before: Pick<MemberEntity, IdentityField>,
  after: Pick<MemberEntity, IdentityField>,
): Promise<IdentityKind | null> {
  for (const kind of CLAIM_ORDER) {
    const old = before[IDENTITY_FIELD[kind]];
    const value = after[IDENTITY_FIELD[kind]];
    if (old === value) {
      continue;
    }
    if (old !== null) {
      await manager.query(
        'DELETE FROM member_identities WHERE kind = $1 AND value = $2 AND member_id = $3',
        [kind, old, memberId],
      );
    }
    if (value !== null) {
      const taken = await claimIdentities(manager, memberId, [{ kind, value }]);
      if (taken.length > 0) {
        return kind;
      }
    }
  }
  return null;
}

/**
 * Who holds an identity, given as the values it may be stored as, best first (a phone's forms;
 * one value for the others): one form at a time, the next only when the one before is nobody's,
 * each statement naming the value (so on Citus it goes to one shard). Null when nobody does.
 */
export async function holderOf(
  manager: EntityManager,
  kind: IdentityKind,
  values: readonly string[],
): Promise<string | null> {
  for (const value of values) {
    const { rows } = await preparedQuery<{ member_id: string }>(manager, MEMBER_ID_BY_IDENTITY, [
      kind,
      value,
    ]);
    if (rows[0]) {
      return rows[0].member_id;
    }
  }
  return null;
}

/** Every member holding one of the values (a search filter: the member rows are read after). */
export async function memberIdsBy(
  manager: EntityManager,
  kind: IdentityKind,
  values: readonly string[],
): Promise<string[]> {
  if (values.length === 0) {
    return [];
  }
  const rows = await queryRows<{ member_id: string }>(
    manager,
    'SELECT member_id FROM member_identities WHERE kind = $1 AND value = ANY($2::text[])',
    [kind, values],
  );
  return rows.map((r) => r.member_id);
}
