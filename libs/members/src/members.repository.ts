import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import {
  Clock,
  constraintOf,
  EventOutbox,
  type EventPayload,
  isUuid,
  Page,
  pageNewestFirst,
  preparedQuery,
  sqlState,
} from '@vafa/platform';
import { ProgramSettingsRepository, RecordActivityUseCase } from '@vafa/ledger';
import { EnrollmentSeam } from './enrollment.seam';
import { CreateMemberDto, MemberDto, MemberLookupQuery, UpdateMemberDto } from './member.dto';
import { MEMBER_BY_CARD, MEMBER_BY_ID, MEMBER_BY_PHONE } from './member-lookup.query';
import { MemberEntity } from './member.entity';
import { MemberSegmentSeam } from './member-segment.seam';
import { generateCardNumber, generateReferralCode, normalizeEmail } from './member-identity';
import { legacyPhone, PHONE_PATTERN, toE164 } from './member-phone';
import { memberExists, memberNotFound, phoneInvalid } from './members.errors';
import { changedFields, describeProfileChange, type ProfileValues } from './member-profile-change';
import type { MemberEnrolledEventData, MemberUpdatedEventData } from './events/member-events.dto';

const IDENTITY_CONSTRAINTS: Record<string, string> = {
  uq_members_external_id: 'externalId',
  uq_members_email: 'email',
  uq_members_phone: 'phone',
};
const GENERATED_CONSTRAINTS = new Set(['uq_members_card_number', 'uq_members_referral_code']);

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
        if (sqlState(error) !== '23505') {
          throw error;
        }
        const constraint = constraintOf(error) ?? '';
        const field = IDENTITY_CONSTRAINTS[constraint];
        if (field) {
          throw memberExists(field);
        }
        // A generated card number or referral code collided: draw new ones.
        if (!GENERATED_CONSTRAINTS.has(constraint) || attempt >= 5) {
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
    try {
      return await this.dataSource.transaction(async (manager) => {
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
    } catch (error) {
      const field = IDENTITY_CONSTRAINTS[constraintOf(error) ?? ''];
      if (sqlState(error) === '23505' && field) {
        throw memberExists(field);
      }
      throw error;
    }
  }

  /**
   * The id of the member a till names by id, card number or phone, or null. For hot paths (every
   * checkout): one prepared statement, no entity to build.
   */
  async findIdBy(
    by: { id?: string; cardNumber?: string; phone?: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    if (by.id !== undefined && !isUuid(by.id)) {
      return null;
    }
    const [statement, value] = by.id
      ? [MEMBER_BY_ID, by.id]
      : by.cardNumber
        ? [MEMBER_BY_CARD, by.cardNumber.trim()]
        : by.phone
          ? [MEMBER_BY_PHONE, await this.phoneForms(by.phone)]
          : [null, null];
    if (!statement) {
      return null;
    }
    const { rows } = await preparedQuery<{ id: string }>(manager, statement, [value]);
    return rows[0]?.id ?? null;
  }

  /**
   * Members by exact identity (phone, email, card number, external id) and/or a search `q`: a
   * name containing it (any case; trigram index), an email or card number starting with it, or
   * the phone it spells. Each branch is served by an index; the filters given all apply.
   */
  async search(query: MemberLookupQuery): Promise<Page<MemberDto>> {
    const qb = this.dataSource.getRepository(MemberEntity).createQueryBuilder('m');
    if (query.phone) {
      const forms = await this.phoneForms(query.phone);
      if (forms.length === 0) {
        throw phoneInvalid();
      }
      qb.andWhere('m.phone = ANY(:phones)', { phones: forms });
    }
    if (query.email) {
      qb.andWhere('m.email = :email', { email: normalizeEmail(query.email) });
    }
    if (query.cardNumber) {
      qb.andWhere('m.card_number = :card', { card: query.cardNumber.trim() });
    }
    if (query.externalId) {
      qb.andWhere('m.external_id = :ext', { ext: query.externalId });
    }
    if (query.q !== undefined) {
      const q = query.q;
      const phones = PHONE_PATTERN.test(q) ? await this.phoneForms(q) : [];
      qb.andWhere(
        new Brackets((or) => {
          or.where(`m.name ILIKE :contains`, { contains: `%${likeLiteral(q)}%` });
          or.orWhere(`m.email LIKE :emailPrefix`, {
            emailPrefix: `${likeLiteral(normalizeEmail(q))}%`,
          });
          if (/^\d+$/.test(q)) {
            or.orWhere(`m.card_number LIKE :cardPrefix`, { cardPrefix: `${q}%` });
          }
          if (phones.length > 0) {
            or.orWhere('m.phone = ANY(:qPhones)', { qPhones: phones });
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
