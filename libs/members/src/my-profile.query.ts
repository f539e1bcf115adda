import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { onOneConnection, preparedQuery, type PreparedStatement } from '@vafa/platform';
import type { Channel } from './member.entity';
import type { MemberDto } from './member.dto';
import { MemberViewSeam } from './member-view.seam';
import { memberNotFound } from './members.errors';

const PROFILE: PreparedStatement = {
  name: 'vafa_member_profile',
  text: `SELECT id, external_id, email, phone, name, birth_date::text AS birth_date, card_number,
            referral_code,
            enrolled_channel, joined_at
     FROM members WHERE id = $1`,
};

interface ProfileRow {
  id: string;
  external_id: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
  birth_date: string | null;
  card_number: string;
  referral_code: string;
  enrolled_channel: Channel | null;
  joined_at: Date;
}

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
      const profile = preparedQuery<ProfileRow>(manager, PROFILE, [memberId]);
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
      return {
        id: row.id,
        externalId: row.external_id,
        email: row.email,
        phone: row.phone,
        name: row.name,
        birthDate: row.birth_date,
        cardNumber: row.card_number,
        referralCode: row.referral_code,
        channel: row.enrolled_channel,
        joinedAt: row.joined_at.toISOString(),
        ...view,
      } as MemberDto;
    });
  }
}
