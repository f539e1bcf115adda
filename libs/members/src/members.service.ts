import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Clock,
  constraintOf,
  DomainError,
  notFound,
  Page,
  pageNewestFirst,
  preparedQuery,
  sqlState,
} from '@vafa/platform';
import { CreateMemberDto, MemberDto, MemberLookupQuery } from './member.dto';
import { MEMBER_BY_CARD, MEMBER_BY_ID, MEMBER_BY_PHONE } from './member-lookup.statements';
import { MemberEntity } from './member.entity';
import {
  generateCardNumber,
  generateReferralCode,
  normalizeEmail,
  normalizePhone,
} from './member-identity';

const IDENTITY_CONSTRAINTS: Record<string, string> = {
  uq_members_external_id: 'externalId',
  uq_members_email: 'email',
  uq_members_phone: 'phone',
};
const GENERATED_CONSTRAINTS = new Set(['uq_members_card_number', 'uq_members_referral_code']);

export const toMemberDto = (m: MemberEntity): MemberDto => ({
  id: m.id,
  externalId: m.externalId,
  email: m.email,
  phone: m.phone,
  name: m.name,
  birthDate: m.birthDate,
  cardNumber: m.cardNumber,
  referralCode: m.referralCode,
  channel: m.enrolledChannel,
  tier: null,
  joinedAt: m.joinedAt.toISOString(),
});

export const memberNotFound = (): DomainError => notFound('The member', 'MEMBER_NOT_FOUND');

/** Runs inside the enrollment transaction (e.g. referral attribution); throwing undoes it all. */
export type EnrollmentHook = (
  manager: EntityManager,
  member: MemberEntity,
  input: CreateMemberDto,
) => Promise<void>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class MembersService {
  private readonly enrollmentHooks: EnrollmentHook[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onEnrollment(hook: EnrollmentHook): void {
    this.enrollmentHooks.push(hook);
  }

  async create(input: CreateMemberDto): Promise<MemberEntity> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          const repository = manager.getRepository(MemberEntity);
          const member = await repository.save(
            repository.create({
              externalId: input.externalId ?? null,
              email: input.email ? normalizeEmail(input.email) : null,
              phone: input.phone ? normalizePhone(input.phone) : null,
              name: input.name ?? null,
              birthDate: input.birthDate ?? null,
              enrolledChannel: input.channel ?? null,
              cardNumber: generateCardNumber(),
              referralCode: generateReferralCode(),
              joinedAt: this.clock.now(),
            }),
          );
          for (const hook of this.enrollmentHooks) await hook(manager, member, input);
          return member;
        });
      } catch (error) {
        if (sqlState(error) !== '23505') throw error;
        const constraint = constraintOf(error) ?? '';
        const field = IDENTITY_CONSTRAINTS[constraint];
        if (field) {
          throw new DomainError(
            409,
            'MEMBER_EXISTS',
            `A member with this ${field} already exists.`,
            { field },
          );
        }
        // A generated card number or referral code collided: draw new ones.
        if (!GENERATED_CONSTRAINTS.has(constraint) || attempt >= 5) throw error;
      }
    }
  }

  async get(id: string): Promise<MemberEntity> {
    const member = await this.dataSource.getRepository(MemberEntity).findOneBy({ id });
    if (!member) throw memberNotFound();
    return member;
  }

  /**
   * The id of the member a till names by id, card number or phone, or null. For hot paths (every
   * checkout): one prepared statement, no entity to build.
   */
  async findIdBy(by: { id?: string; cardNumber?: string; phone?: string }): Promise<string | null> {
    if (by.id !== undefined && !UUID.test(by.id)) return null;
    const [statement, value] = by.id
      ? [MEMBER_BY_ID, by.id]
      : by.cardNumber
        ? [MEMBER_BY_CARD, by.cardNumber.trim()]
        : by.phone
          ? [MEMBER_BY_PHONE, normalizePhone(by.phone)]
          : [null, null];
    if (!statement) return null;
    const { rows } = await preparedQuery<{ id: string }>(this.dataSource.manager, statement, [
      value,
    ]);
    return rows[0]?.id ?? null;
  }

  async search(query: MemberLookupQuery): Promise<Page<MemberDto>> {
    const qb = this.dataSource.getRepository(MemberEntity).createQueryBuilder('m');
    if (query.phone) qb.andWhere('m.phone = :phone', { phone: normalizePhone(query.phone) });
    if (query.email) qb.andWhere('m.email = :email', { email: normalizeEmail(query.email) });
    if (query.cardNumber) qb.andWhere('m.card_number = :card', { card: query.cardNumber.trim() });
    if (query.externalId) qb.andWhere('m.external_id = :ext', { ext: query.externalId });
    return pageNewestFirst(qb, 'joined_at', query, (m) => m.joinedAt, toMemberDto);
  }
}
