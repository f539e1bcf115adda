import { DataSource } from 'typeorm';
import { bearer, TestApp, TestMember } from '../support/test-app';
import { ledgerOf, nextKey } from '../support/ledger-helpers';

export const COUPON_CODE = /^VAFA-[0-9A-HJKMNP-TV-Z]{12}$/;

export interface RewardBody {
  name: string;
  type: string;
  pointsCost: number;
  [field: string]: unknown;
}

/** The rewards API of a test app, as marketers and members call it. */
export function rewardsOf(t: TestApp) {
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    t.app.get(DataSource).query<T[]>(query, params);
  return {
    sql,
    create: async (body: RewardBody): Promise<{ id: string; [field: string]: unknown }> => {
      const created = await t
        .api()
        .post('/v1/rewards')
        .set(bearer(t.keys.marketer))
        .send(body)
        .expect(201);
      return created.body as { id: string };
    },
    redeem: (member: TestMember, rewardId: string, key: string = nextKey('redeem')) =>
      t
        .api()
        .post(`/v1/me/rewards/${rewardId}/redeem`)
        .set(bearer(member.token))
        .set('Idempotency-Key', key),
    myRewards: async (member: TestMember): Promise<Record<string, unknown>[]> => {
      const page = await t
        .api()
        .get('/v1/me/rewards?limit=200')
        .set(bearer(member.token))
        .expect(200);
      return (page.body as { items: Record<string, unknown>[] }).items;
    },
    perks: async (member: TestMember): Promise<Record<string, unknown>[]> => {
      const page = await t.api().get('/v1/me/perks').set(bearer(member.token)).expect(200);
      return (page.body as { items: Record<string, unknown>[] }).items;
    },
    cancel: (redemptionId: string) =>
      t
        .api()
        .post(`/v1/rewards/redemptions/${redemptionId}/cancel`)
        .set(bearer(t.keys.marketer))
        .send({}),
    /** A fresh token for the member (tokens last a day on the test clock). */
    retoken: async (member: TestMember): Promise<TestMember> => {
      const issued = await t
        .api()
        .post(`/v1/members/${member.id}/tokens`)
        .set(bearer(t.keys.integration))
        .expect(201);
      member.token = (issued.body as { token: string }).token;
      return member;
    },
    /** A member with `points` available (one lot that never expires). */
    funded: async (points: number, fields: Record<string, unknown> = {}): Promise<TestMember> => {
      const member = await t.member(fields);
      if (points > 0) {
        await ledgerOf(t).credit(member.id, points);
      }
      return member;
    },
    count: async (table: string, where = 'true', params: unknown[] = []): Promise<number> =>
      Number(
        (await sql<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0]
          ?.n,
      ),
  };
}
