import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';

describe('service recovery: goodwill credits within budgets and caps', () => {
  let t: TestApp;
  let seq = 0;
  const goodwill = (
    memberId: string,
    points: number,
    key = t.keys.marketer,
    ticketId = `SUP-${++seq}`,
  ) =>
    t
      .api()
      .post(`/v1/members/${memberId}/adjustments`)
      .set(bearer(key))
      .set('Idempotency-Key', `gw-${++seq}`)
      .send({ points, reason: 'goodwill', ticketId, note: 'Sorry about that' });

  beforeAll(async () => {
    t = await startTestApp();
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ goodwillDailyBudget: 1000, goodwillMonthlyCap: 600 })
      .expect(200);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('caps what one member receives in a month', async () => {
    const m = await t.member();
    await goodwill(m.id, 400).expect(201);
    const over = await goodwill(m.id, 201).expect(422);
    expect(over.body.error).toMatchObject({
      code: 'GOODWILL_MEMBER_CAP_EXCEEDED',
      details: { remaining: 200 },
    });
    await goodwill(m.id, 200).expect(201);
    t.clock.advanceDays(32);
    try {
      await goodwill(m.id, 300).expect(201);
    } finally {
      t.clock.advanceDays(-32);
    }
  });

  it('holds each staff key to its daily budget, at once and under races', async () => {
    const key = (
      await t
        .api()
        .post('/v1/api-keys')
        .set(bearer(t.keys.admin))
        .send({ name: 'support', role: 'marketer' })
        .expect(201)
    ).body.key as string;
    const members = await Promise.all(Array.from({ length: 4 }, () => t.member()));
    const results = await Promise.all(members.map((m) => goodwill(m.id, 300, key)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.find((r) => r.status === 422);
    expect(refused?.body.error).toMatchObject({
      code: 'GOODWILL_BUDGET_EXCEEDED',
      details: { remaining: 100 },
    });
  });

  it('reports goodwill by month and ticket, and purchases before and after', async () => {
    const m = await t.member();
    await goodwill(m.id, 100, t.keys.marketer, 'SUP-REPORT').expect(201);
    const report = await t
      .api()
      .get('/v1/reports/goodwill')
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(report.body.byTicket).toEqual(
      expect.arrayContaining([{ ticketId: 'SUP-REPORT', grants: 1, points: 100 }]),
    );
    expect(
      report.body.byMonth.reduce((s: number, r: { points: number }) => s + r.points, 0),
    ).toBeGreaterThanOrEqual(100);
    expect(report.body.effect).toMatchObject({ windowDays: 30 });
    expect(report.body.effect.members).toBeGreaterThan(0);
    await t.api().get('/v1/reports/goodwill').set(bearer(t.keys.cashier)).expect(403);
  });
});
