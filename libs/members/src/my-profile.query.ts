import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  GroupCommit,
  isUuid,
  type ItemOutcome,
  onCitus,
  onOneConnection,
  preparedQuery,
  type PreparedStatement,
} from '@vafa/platform';
import type { MemberDto } from './member.dto';
import { MemberViewSeam } from './member-view.seam';
import { memberNotFound } from './members.errors';
import { type MemberProfile, toMemberDto } from './members.repository';

/** The profile's columns under the entity's property names (a date column as its ISO text). */
const PROFILES: PreparedStatement = {
  name: 'vafa_member_profiles',
  text: `SELECT id, external_id AS "externalId", email, phone, name, birth_date::text AS "birthDate",
            card_number AS "cardNumber", referral_code AS "referralCode",
            enrolled_channel AS "enrolledChannel", joined_at AS "joinedAt"
     FROM members WHERE id = ANY($1::uuid[])`,
};

/** One member's profile row (on Citus every statement of /v1/me stays on the member's shard). */
const PROFILE: PreparedStatement = {
  name: 'vafa_member_profile',
  text: PROFILES.text.replace('id = ANY($1::uuid[])', 'id = $1'),
};

/** A GET /v1/me waiting for its batch; `n` tells two of one member apart. */
interface ProfileRead {
  memberId: string;
  n: number;
}

/**
 * Members' own views (GET /v1/me), read together: concurrent requests share a batch (group
 * commit for reads, as checkouts do for writes; no timer, so a request that finds a reader free
 * goes at once). A batch reads every member's profile row and every library's part (points,
 * tier, progress) on one connection, sent together: one round trip and a few statements, however
 * many members. On Citus a batch would span shards, so each request reads alone there, every
 * statement naming its member.
 */
@Injectable()
export class MyProfileQuery {
  private readonly reads: GroupCommit<ProfileRead, MemberDto>;
  private sequence = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly views: MemberViewSeam,
  ) {
    this.reads = new GroupCommit(
      { lanes: 2, maxBatch: 64 },
      (read) => String(read.n),
      (reads) => this.readMany(reads),
    );
  }

  async get(memberId: string): Promise<MemberDto> {
    // Not sent to a batch it would fail (a token's subject is always a member id, though).
    if (!isUuid(memberId)) {
      throw memberNotFound();
    }
    if (await onCitus(this.dataSource.manager)) {
      return this.readOne(memberId);
    }
    return this.reads.submit({ memberId, n: ++this.sequence });
  }

  private readOne(memberId: string): Promise<MemberDto> {
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

  private readMany(reads: ProfileRead[]): Promise<ItemOutcome<MemberDto>[]> {
    const ids = [...new Set(reads.map((r) => r.memberId))];
    return onOneConnection(this.dataSource, async (manager) => {
      const profiles = preparedQuery<MemberProfile>(manager, PROFILES, [ids]);
      const parts = this.views.buildMany(
        ids.map((id) => ({ id, tier: null, points: null, tierProgress: null })),
        manager,
      );
      const [{ rows }, views] = await Promise.all([profiles, parts]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      const viewOf = new Map(ids.map((id, n) => [id, views[n] ?? {}]));
      return reads.map(({ memberId }): ItemOutcome<MemberDto> => {
        const row = byId.get(memberId);
        if (!row) {
          return { ok: false, error: memberNotFound() };
        }
        const { id: _id, ...view } = viewOf.get(memberId) ?? {};
        return { ok: true, value: { ...toMemberDto(row), ...view } };
      });
    });
  }
}
