import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The values that name one member program-wide. */
export const IDENTITY_KINDS = [
  'card_number',
  'referral_code',
  'email',
  'phone',
  'external_id',
] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

const PK = 'pk_member_identities';

/**
 * Who holds each identity: what keeps card numbers, referral codes, emails, phones and external
 * ids unique, and how a member is found by one. Keyed (and, on Citus, distributed) by the value,
 * so every statement on it names the value; written in the transaction that writes the member.
 */
@Entity({ name: 'member_identities' })
@Check(
  'ck_member_identities_kind',
  "kind IN ('card_number', 'referral_code', 'email', 'phone', 'external_id')",
)
export class MemberIdentityEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: PK })
  kind!: IdentityKind;

  /** As stored on the member: emails lower-cased, phones E.164 (or as stored before E.164). */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: PK })
  value!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;
}
