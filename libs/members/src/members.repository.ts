import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import {
  Clock,
  EventOutbox,
  type EventPayload,
  isUuid,
  Page,
  pageNewestFirst,
  preparedQuery,
} from '@vafa/platform';
import { ProgramSettingsRepository, RecordActivityUseCase } from '@vafa/ledger';
import { EnrollmentSeam } from './enrollment.seam';
import { CreateMemberDto, MemberDto, MemberLookupQuery, UpdateMemberDto } from './member.dto';
import { MEMBER_BY_ID, MEMBERS_BY_IDS } from './member-lookup.query';
import {
  claimIdentities,
  holderOf,
  IDENTITY_FIELD,
  identitiesOf,
  memberIdsBy,
  moveIdentities,
} from './member-identities.repository';
import { MemberEntity } from './member.entity';
import { MemberSegmentSeam } from './member-segment.seam';
import { generateCardNumber, generateReferralCode, normalizeEmail } from './member-identity';
import { legacyPhone, PHONE_PATTERN, toE164 } from './member-phone';
import { memberExists, memberNotFound, phoneInvalid } from './members.errors';
import { changedFields, describeProfileChange, type ProfileValues } from './member-profile-change';
import type { MemberEnrolledEventData, MemberUpdatedEventData } from './events/member-events.dto';

/** Generated identities a new member may be given again, drawn anew, when one is taken. */
const DRAWN_KINDS = new Set(['card_number', 'referral_code']);
const DRAW_ATTEMPTS = 5;

/** A drawn card number or referral code was taken: the enrolment is rolled back and redrawn. */
class DrawnIdentityTaken extends Error {}

/** The profile fields a member's view is built from. */
export type MemberProfile = Pick<
  MemberEntity,
  | 'id'
  | 'externalId'
  | 'email'
  | 'phone'
  | 'name'
  | 'birthDate'
  | 'cardNumber'
  | 'referralCode'
  | 'enrolledChannel'
  | 'joinedAt'
>;

export const toMemberDto = (m: MemberProfile): MemberDto => ({
  id: m.id,
  externalId: m.externalId,
  email: m.email,
  phone: m.phone,
  name: m.name,
  birthDate: m.birthDate,
  cardNumber: m.cardNumber,
  referralCode: m.referralCode,
  channel: m.enrolledChannel,
  joinedAt: m.joinedAt.toISOString(),
  // Filled in by the points and tiers libraries (MemberViewSeam).
  tier: null,
  points: { available: 0, pending: 0, lifetimeEarned: 0, expiringSoon: [] },
});

/** A LIKE pattern matching `text` literally. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class MembersRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly program: ProgramSettingsRepository,
    private readonly activity: RecordActivityUseCase,
    private readonly events: EventOutbox,
    private readonly enrollment: EnrollmentSeam,
    private readonly segments: MemberSegmentSeam,
  ) {}

  /**
   * Enrols a member: their row and their identities (member_identities) in one transaction. An
   * email, phone or external id another member holds is 409 MEMBER_EXISTS; a drawn card number
   * or referral code someone holds is drawn again.
   */
  async create(input: CreateMemberDto): Promise<MemberEntity> {
    const phone = input.phone ? await this.e164(input.phone) : null;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          const repository = manager.getRepository(MemberEntity);
          const member = await repository.save(
            repository.create({
              externalId: input.externalId ?? null,
              email: input.email ? normalizeEmail(input.email) : null,
              phone,
              name: input.name ?? null,
              birthDate: input.birthDate ?? null,
              enrolledChannel: input.channel ?? null,
              cardNumber: generateCardNumber(),
              referralCode: generateReferralCode(),
              joinedAt: this.clock.now(),
            }),
          );
          const taken = await claimIdentities(manager, member.id, identitiesOf(member));
          const given = taken.find((kind) => !DRAWN_KINDS.has(kind));
          if (given) {
            throw memberExists(IDENTITY_FIELD[given]);
          }
          if (taken.length > 0) {
            throw new DrawnIdentityTaken();
          }
          const facts = await this.enrollment.enrolled(manager, member, input);
          const data: EventPayload<MemberEnrolledEventData> = {
            memberId: member.id,
            externalId: member.externalId,
            cardNumber: member.cardNumber,
            referralCode: member.referralCode,
            channel: member.enrolledChannel,
            joinedAt: member.joinedAt.toISOString(),
            source: 'api',
            referrerId: facts.referrerId ?? null,
          };
          await this.events.emit(manager, { type: 'member.enrolled', memberId: member.id, data });
          return member;
        });
      } catch (error) {
        if (!(error instanceof DrawnIdentityTaken) || attempt + 1 >= DRAW_ATTEMPTS) {
          throw error;
        }
      }
    }
  }

  async get(id: string): Promise<MemberEntity> {
    const member = await this.dataSource.getRepository(MemberEntity).findOneBy({ id });
    if (!member) {
      throw memberNotFound();
    }
    return member;
  }

  /**
   * Changes a member's profile; `null` clears a field. One transaction: the member's row locked,
   * the change written and recorded in their activity (which fields, and the staff key that
   * changed them; not the values, which the append-only ledger could never forget).
   */
  async update(id: string, input: UpdateMemberDto, changedBy: string): Promise<MemberEntity> {
    const phone = input.phone ? await this.e164(input.phone) : input.phone;
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(MemberEntity);
      const member = await repository.findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) {
        throw memberNotFound();
      }
      const next: ProfileValues = {
        name: input.name === undefined ? member.name : input.name,
        email:
          input.email === undefined
            ? member.email
            : input.email === null
              ? null
              : normalizeEmail(input.email),
        phone: phone === undefined ? member.phone : phone,
        birthDate: input.birthDate === undefined ? member.birthDate : input.birthDate,
        externalId: input.externalId === undefined ? member.externalId : input.externalId,
      };
      const fields = changedFields(member, next);
      if (fields.length === 0) {
        return member;
      }
      const taken = await moveIdentities(manager, id, member, { ...member, ...next });
      if (taken) {
        throw memberExists(IDENTITY_FIELD[taken]);
      }
      await repository.update({ id }, Object.fromEntries(fields.map((f) => [f, next[f]])));
      await this.activity.execute(
        {
          memberId: id,
          kind: 'profile',
          idempotencyKey: `profile:${randomUUID()}`,
          description: describeProfileChange(fields),
          reference: { fields, changedBy },
        },
        manager,
      );
      const data: EventPayload<MemberUpdatedEventData> = { memberId: id, fields };
      await this.events.emit(manager, { type: 'member.updated', memberId: id, data });
      return repository.findOneByOrFail({ id });
    });
  }

  /**
   * The id of the member a till names by id, card number or phone, or null. For hot paths (every
   * checkout): prepared statements, no entity to build; one (the member by id, or who holds the
   * card or phone in member_identities), and one more for a phone found only in the form stored
   * before E.164.
   */
  async findIdBy(
    by: { id?: string; cardNumber?: string; phone?: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    if (by.id !== undefined) {
      if (!isUuid(by.id)) {
        return null;
      }
      const { rows } = await preparedQuery<{ id: string }>(manager, MEMBER_BY_ID, [by.id]);
      return rows[0]?.id ?? null;
    }
    if (by.cardNumber) {
      return holderOf(manager, 'card_number', [by.cardNumber.trim()]);
    }
    if (by.phone) {
      return holderOf(manager, 'phone', await this.phoneForms(by.phone));
    }
    return null;
  }

  /** Which of these ids are members' (ids that are not UUIDs are none). */
  async existingIds(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const { rows } = await preparedQuery<{ id: string }>(manager, MEMBERS_BY_IDS, [
      ids.filter((id) => isUuid(id)),
    ]);
    return new Set(rows.map((r) => r.id));
  }

  /** The member whose referral code this is (any case), or null; in the caller's transaction. */
  async findByReferralCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MemberProfile | null> {
    const id = await holderOf(manager, 'referral_code', [code.trim().toUpperCase()]);
    return id === null ? null : manager.getRepository(MemberEntity).findOneBy({ id });
  }

  /**
   * Members by exact identity (phone, email, card number, external id; their holders found in
   * member_identities) and/or a search `q`: a name containing it (any case; trigram index), an
   * email or card number starting with it, or the phone it spells. Each branch is served by an
   * index; the filters given all apply.
   */
  async search(query: MemberLookupQuery): Promise<Page<MemberDto>> {
    const manager = this.dataSource.manager;
    const qb = manager.getRepository(MemberEntity).createQueryBuilder('m');
    const holders: string[][] = [];
    if (query.phone) {
      const forms = await this.phoneForms(query.phone);
      if (forms.length === 0) {
        throw phoneInvalid();
      }
      holders.push(await memberIdsBy(manager, 'phone', forms));
    }
    if (query.email) {
      holders.push(await memberIdsBy(manager, 'email', [normalizeEmail(query.email)]));
    }
    if (query.cardNumber) {
      holders.push(await memberIdsBy(manager, 'card_number', [query.cardNumber.trim()]));
    }
    if (query.externalId) {
      holders.push(await memberIdsBy(manager, 'external_id', [query.externalId]));
    }
    const [first, ...others] = holders;
    if (first) {
      const ids = first.filter((id) => others.every((more) => more.includes(id)));
      qb.andWhere('m.id = ANY(:holders)', { holders: ids });
    }
    if (query.q !== undefined) {
      const q = query.q;
      const phoneHolders = PHONE_PATTERN.test(q)
        ? await memberIdsBy(manager, 'phone', await this.phoneForms(q))
        : [];
      qb.andWhere(
        new Brackets((or) => {
          or.where(`m.name ILIKE :contains`, { contains: `%${likeLiteral(q)}%` });
          or.orWhere(`m.email LIKE :emailPrefix`, {
            emailPrefix: `${likeLiteral(normalizeEmail(q))}%`,
          });
          if (/^\d+$/.test(q)) {
            or.orWhere(`m.card_number LIKE :cardPrefix`, { cardPrefix: `${q}%` });
          }
          if (phoneHolders.length > 0) {
            or.orWhere('m.id = ANY(:phoneHolders)', { phoneHolders });
          }
        }),
      );
    }
    if (query.segment !== undefined) {
      const { where, parameters } = this.segments.condition(query.segment);
      qb.andWhere(where, parameters);
    }
    return pageNewestFirst(qb, 'joined_at', query, (m) => m.joinedAt, toMemberDto);
  }

  /** The phone as E.164 under the program's default country, or 400 PHONE_INVALID. */
  private async e164(phone: string): Promise<string> {
    const { defaultCountry } = await this.program.cached();
    const e164 = toE164(phone, defaultCountry);
    if (!e164) {
      throw phoneInvalid();
    }
    return e164;
  }

  /** What a looked-up phone may be stored as: E.164, and the form used before E.164. */
  private async phoneForms(phone: string): Promise<string[]> {
    const { defaultCountry } = await this.program.cached();
    const forms = [toE164(phone, defaultCountry), legacyPhone(phone)];
    return [...new Set(forms.filter((f): f is string => f !== null && f.length > 1))];
  }
}
