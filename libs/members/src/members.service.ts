import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Clock,
  constraintOf,
  DomainError,
  notFound,
  Page,
  pageNewestFirst,
  sqlState,
} from '@vafa/platform';
import { CreateMemberDto, MemberDto, MemberLookupQuery } from './member.dto';
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

  async findOne(by: {
    id?: string;
    cardNumber?: string;
    phone?: string;
  }): Promise<MemberEntity | null> {
    const repository = this.dataSource.getRepository(MemberEntity);
    if (by.id) return repository.findOneBy({ id: by.id });
    if (by.cardNumber) return repository.findOneBy({ cardNumber: by.cardNumber.trim() });
    if (by.phone) return repository.findOneBy({ phone: normalizePhone(by.phone) });
    return null;
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
