import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, EventOutbox, type EventPayload, ListenerFor } from '@vafa/platform';
import {
  CreateMemberDto,
  ENROLLMENT_SEAM,
  EnrollmentFacts,
  EnrollmentListener,
  MemberEntity,
  MembersRepository,
} from '@vafa/members';
import { referralCodeInvalid, referralSelf } from './referral.errors';
import type { ReferralHeldEventData } from './referral-events.dto';
import { ReferralProgramRepository } from './referral-program.repository';

/**
 * Attributes a new member to the member whose code they enrolled with, inside the enrollment
 * transaction: a bad code refuses the enrollment whole. Referrers bringing in many members in a
 * short time have the new referrals held for review instead of paid.
 */
@Injectable()
@ListenerFor(ENROLLMENT_SEAM)
export class ReferralEnrollmentListener implements EnrollmentListener {
  constructor(
    private readonly program: ReferralProgramRepository,
    private readonly members: MembersRepository,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async onEnrollment(
    manager: EntityManager,
    member: MemberEntity,
    input: CreateMemberDto,
  ): Promise<EnrollmentFacts> {
    if (!input.referralCode) {
      return {};
    }
    const program = await this.program.get(manager);
    if (!program.active) {
      throw referralCodeInvalid('the referral program is not running');
    }
    const referrer = await this.members.findByReferralCode(input.referralCode, manager);
    if (!referrer) {
      throw referralCodeInvalid('no member has this code');
    }
    const same = (a: string | null, b: string | null): boolean => a !== null && a === b;
    if (
      referrer.id === member.id ||
      same(referrer.email, member.email) ||
      same(referrer.phone, member.phone)
    ) {
      throw referralSelf();
    }
    const now = this.clock.now();
    // Serialises a referrer's new referrals, so the velocity count is exact under races.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`referrals:${referrer.id}`]);
    const [recent] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM referrals WHERE referrer_id = $1 AND joined_at > $2`,
      [referrer.id, new Date(now.getTime() - program.velocityWindowHours * 3_600_000)],
    );
    const held = (recent?.n ?? 0) >= program.velocityMax;
    const holdReason = held
      ? `more than ${program.velocityMax} referrals in ${program.velocityWindowHours} h`
      : null;
    await manager.query(
      `INSERT INTO referrals (referee_id, referrer_id, joined_at, status, hold_reason, updated_at)
       VALUES ($1, $2, $3, $4, $5, $3)`,
      [member.id, referrer.id, now, held ? 'held' : 'joined', holdReason],
    );
    if (holdReason) {
      const data: EventPayload<ReferralHeldEventData> = {
        memberId: referrer.id,
        referrerId: referrer.id,
        refereeId: member.id,
        reason: holdReason,
      };
      await this.events.emit(manager, { type: 'referral.held', memberId: referrer.id, data });
    }
    return { referrerId: referrer.id };
  }
}
