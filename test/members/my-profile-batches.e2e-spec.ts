import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';

/** Concurrent GET /v1/me share batched reads: each answer is still its own member's. */
describe('GET /v1/me read in batches', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers each of many concurrent requests with its own member, the same member twice included', async () => {
    const members: TestMember[] = [];
    for (let n = 1; n <= 10; n++) {
      const m = await t.member({ name: `Reader ${n}` });
      await ledgerOf(t).credit(m.id, n * 10);
      members.push(m);
    }
    const asked = [...members, ...members, ...members];
    const answers = await Promise.all(asked.map((m) => t.api().get('/v1/me').set(bearer(m.token))));
    answers.forEach((answer, i) => {
      const m = asked[i] as TestMember;
      const n = members.indexOf(m) + 1;
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        id: m.id,
        name: `Reader ${n}`,
        points: { available: n * 10, pending: 0, lifetimeEarned: n * 10 },
        tier: null,
      });
      expect(answer.body).not.toHaveProperty('n');
    });
  });

  it("answers 404 for a token whose member is gone, and the others' answers stand", async () => {
    const kept = await t.member();
    const gone = await t.member();
    await ledgerOf(t).dataSource.query('DELETE FROM members WHERE id = $1', [gone.id]);
    const [a, b] = await Promise.all([
      t.api().get('/v1/me').set(bearer(kept.token)),
      t.api().get('/v1/me').set(bearer(gone.token)),
    ]);
    expect(a?.status).toBe(200);
    expect(b?.status).toBe(404);
    expect(b?.body).toMatchObject({ error: { code: 'MEMBER_NOT_FOUND' } });
  });
});
