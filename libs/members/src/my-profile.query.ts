import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { onOneConnection, preparedQuery, type PreparedStatement } from '@vafa/platform';
import type { MemberDto } from './member.dto';
import { MemberViewSeam } from './member-view.seam';
import { memberNotFound } from './members.errors';
import { type MemberProfile, toMemberDto } from './members.repository';

/** The profile's columns under the entity's property names (a date column as its ISO text). */
const PROFILE: PreparedStatement = {
  name: 'vafa_member_profile',
  text: `SELECT id, external_id AS "externalId", email, phone, name, birth_date::text AS "birthDate",
            card_number AS "cardNumber", referral_code AS "referralCode",
            enrolled_channel AS "enrolledChannel", joined_at AS "joinedAt"
     FROM members WHERE id = $1`,
};

/**
 * A member's own view (GET /v1/me): the profile row and every library's part (points, tier,
 * progress) read on one connection, sent together, so the answer costs one round trip.
 */
@Injectable()
export class MyProfileQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: MemberViewSeam,
  ) {}

  get(memberId: string): Promise<MemberDto> {
    return onOneConnection(this.dataSource, async (manager) => {
      const profile = preparedQuery<MemberProfile>(manager, PROFILE, [memberId]);
      const parts = this.views.build(
        memberId,
        { tier: null, points: null, tierProgress: null },
        manager,
      );
      const [{ rows }, view] = await Promise.all([profile, parts]);
      const row = rows[0];
      if (!row) {
        throw memberNotFound();
      }
      return { ...toMemberDto(row), ...view };
    });
  }
}
