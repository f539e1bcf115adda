import { ledgerOf } from '../support/ledger-helpers';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';

const at = (iso: string): Date => new Date(iso);

/**
 * Issue #14 item 1: the dashboard's headline numbers. One member's story per line, in the
 * period February and March 2026 (to = 2026-03-31, counted in full), with now = 1 May 2026:
 *   A  joined 2025-12-01, bought 100 pts then; in the period buys (50), spends 30, gets a lot
 *      of 7 that expires on 10 March
 *   B  joins 1 Feb, buys two (200) and returns one (−100); buys again on 10 April (10)
 *   C  joins 1 March, no purchase, 40 goodwill points
 *   D  joins 6 March, buys (30) and returns it all: no purchase after all
 *   E  joins 10 April, after the period
 */
describe('GET /v1/reports/overview', () => {
  let t: TestApp;
  let seq = 0;
  const overview = (query: Record<string, string> = {}, key = t.keys.marketer) =>
    t.api().get('/v1/reports/overview').query(query).set(bearer(key));
  const when = (iso: string) => t.clock.set(at(iso));
  const buy = (m: TestMember, orderId: string, quantity: number, unitPrice: number) =>
    t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', `overview-${orderId}`)
      .send({
        member: { id: m.id },
        orderId,
        channel: 'store',
        lines: [{ sku: 'ITEM', quantity, unitPrice }],
      })
      .expect(201);
  const giveBack = (orderId: string, quantity: number) =>
    t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', `overview-return-${orderId}`)
      .send({ orderId, lines: [{ sku: 'ITEM', quantity }] })
      .expect(201);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('answers an empty program with zeros', async () => {
    when('2026-05-01T00:00:00Z');
    const empty = await overview({ from: '2026-02-01', to: '2026-03-31' }).expect(200);
    expect(empty.body).toEqual({
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      members: { total: 0, active: 0, new: 0 },
      points: { issued: 0, redeemed: 0, expired: 0, adjusted: 0 },
      outstanding: { available: 0, pending: 0, value: { currency: 'USD', total: 0 } },
    });
  });

  it('counts members, the points of the period and what members hold now', async () => {
    const ledger = ledgerOf(t);
    await t
      .api()
      .post('/v1/earning-rules')
      .set(bearer(t.keys.marketer))
      .send({ name: '1 point per dollar', effect: { pointsPerUnit: 1 } })
      .expect(201);
    // 100 points pay 2.50 EUR.
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ currency: 'EUR', redemptionPoints: 100, redemptionValue: 250 })
      .expect(200);

    when('2025-12-01T10:00:00Z');
    const a = await t.member();
    await buy(a, 'a-1', 1, 10_000);
    when('2026-02-01T10:00:00Z');
    const b = await t.member();
    when('2026-02-10T10:00:00Z');
    await buy(a, 'a-2', 1, 5000);
    when('2026-02-15T10:00:00Z');
    await buy(b, 'b-1', 2, 10_000);
    when('2026-02-20T10:00:00Z');
    await giveBack('b-1', 1);
    when('2026-03-01T10:00:00Z');
    const c = await t.member();
    await ledger.debit(a.id, 30);
    when('2026-03-02T10:00:00Z');
    await ledger.credit(a.id, 7, { expiresAt: at('2026-03-10T00:00:00Z') });
    when('2026-03-05T10:00:00Z');
    await t
      .api()
      .post(`/v1/members/${c.id}/adjustments`)
      .set(bearer(t.keys.marketer))
      .set('Idempotency-Key', `overview-gw-${++seq}`)
      .send({ points: 40, reason: 'goodwill', ticketId: 'SUP-1' })
      .expect(201);
    when('2026-03-06T10:00:00Z');
    const d = await t.member();
    await buy(d, 'd-1', 1, 3000);
    await giveBack('d-1', 1);
    when('2026-03-11T00:00:00Z');
    await t.api().post('/v1/ledger/jobs/expire').set(bearer(t.keys.admin)).expect(200);
    when('2026-04-10T10:00:00Z');
    await buy(b, 'b-2', 1, 1000);
    await t.member();
    when('2026-05-01T00:00:00Z');

    const period = await overview({ from: '2026-02-01', to: '2026-03-31' }).expect(200);
    expect(period.body).toEqual({
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      // Active: a purchase in the 90 days up to 1 April (A and B; D's was returned in full).
      members: { total: 4, active: 2, new: 3 },
      // 50 (A) + 200 − 100 (B) + 7 (A's lot) + 30 − 30 (D).
      points: { issued: 157, redeemed: 30, expired: 7, adjusted: 40 },
      // Now: A 100 + 50 − 30 + 7 − 7, B 100 + 10, C 40.
      outstanding: { available: 270, pending: 0, value: { currency: 'EUR', total: 675 } },
    });

    // The liability report counts the same points for all time.
    const liability = await t
      .api()
      .get('/v1/reports/liability')
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(liability.body).toMatchObject({
      available: 270,
      pending: 0,
      issued: 267,
      redeemed: 30,
      expired: 7,
      adjusted: 40,
      value: { currency: 'EUR', total: 675 },
    });
  });

  it('defaults to the year up to now, and counts as active only up to now', async () => {
    const year = await overview().expect(200);
    expect(year.body).toMatchObject({
      from: '2025-05-01T00:00:00.000Z',
      to: '2026-05-01T00:00:00.000Z',
      // Active since 31 January: A (10 Feb) and B (15 Feb, 10 April).
      members: { total: 5, active: 2, new: 5 },
      points: { issued: 267, redeemed: 30, expired: 7, adjusted: 40 },
    });

    // A period reaching past now: active still counts the 90 days up to now.
    const ahead = await overview({ from: '2026-04-01', to: '2026-12-31' }).expect(200);
    expect(ahead.body.members).toEqual({ total: 5, active: 2, new: 1 });
    expect(ahead.body.points).toEqual({ issued: 10, redeemed: 0, expired: 0, adjusted: 0 });

    // In an old period: nobody had joined, nobody bought in the 90 days before its end.
    const old = await overview({ from: '2025-01-01', to: '2025-06-30' }).expect(200);
    expect(old.body.members).toEqual({ total: 0, active: 0, new: 0 });
    expect(old.body.outstanding.available).toBe(270);
  });

  it('takes date-times as exact bounds', async () => {
    const narrow = await overview({
      from: '2026-02-15T10:00:00Z',
      to: '2026-02-20T10:00:00Z',
    }).expect(200);
    // B's purchase (200) is in; its return, at the very end, is not.
    expect(narrow.body.points).toEqual({ issued: 200, redeemed: 0, expired: 0, adjusted: 0 });
    // Active in the 90 days up to 20 February 10:00: A and B.
    expect(narrow.body.members).toEqual({ total: 2, active: 2, new: 0 });
  });

  it('refuses a bad period, and callers other than marketers and admins', async () => {
    const bad: Record<string, string>[] = [
      { from: '2026-04-01', to: '2026-03-01' },
      { from: '2026-03-01', to: '2026-03-01T00:00:00Z' },
      { from: 'yesterday' },
      { to: '2026-02-30' },
      { from: '2026-01-01T10:00:00' },
    ];
    for (const query of bad) {
      const refused = await overview(query).expect(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    await overview({}, t.keys.admin).expect(200);
    await overview({}, t.keys.cashier).expect(403);
    await overview({}, t.keys.integration).expect(403);
    await overview({}, (await t.member()).token).expect(403);
    await t.api().get('/v1/reports/overview').expect(401);
  });
});
