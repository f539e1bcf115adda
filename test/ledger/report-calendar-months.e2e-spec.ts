import { ledgerOf } from '../support/ledger-helpers';
import { bearer, startTestApp, TestApp } from '../support/test-app';

const at = (iso: string): Date => new Date(iso);

/**
 * Issue #14 item 6: reports by month count months of the calendar asked for (Gregorian or
 * Persian), in the program's time zone. Tehran is 3:30 ahead of UTC: 21:00 UTC on 20 March
 * 2026 is already 1 Farvardin 1405 there, 20:00 UTC still 29 Esfand 1404.
 */
describe('report months in the calendar asked for, in the program time zone', () => {
  let t: TestApp;
  let seq = 0;
  const report = (path: string, query: Record<string, string> = {}, key = t.keys.marketer) =>
    t.api().get(path).query(query).set(bearer(key));
  const goodwill = (memberId: string, points: number, when: string) => {
    t.clock.set(at(when));
    return t
      .api()
      .post(`/v1/members/${memberId}/adjustments`)
      .set(bearer(t.keys.marketer))
      .set('Idempotency-Key', `calendar-gw-${++seq}`)
      .send({ points, reason: 'goodwill', ticketId: `SUP-${seq}` })
      .expect(201);
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at('2026-01-10T00:00:00Z'));
    const ledger = ledgerOf(t);
    const m = await t.member();
    await ledger.credit(m.id, 1, { expiresAt: at('2026-03-20T20:00:00Z') }); // Esfand 1404
    await ledger.credit(m.id, 10, { expiresAt: at('2026-03-20T21:00:00Z') }); // Farvardin 1405
    await ledger.credit(m.id, 100, { expiresAt: at('2026-03-31T21:00:00Z') }); // 1 April in Tehran
    await ledger.credit(m.id, 1000, { expiresAt: at('2026-11-25T10:00:00Z') }); // Azar 1405
    await ledger.credit(m.id, 10_000); // never expires

    const a = await t.member();
    const b = await t.member();
    await goodwill(a.id, 1, '2026-03-20T20:00:00Z'); // 23:30 on 29 Esfand 1404 in Tehran
    await goodwill(a.id, 10, '2026-03-20T21:00:00Z'); // 00:30 on 1 Farvardin 1405
    await goodwill(a.id, 100, '2026-04-10T10:00:00Z');
    await goodwill(b.id, 1000, '2026-04-15T10:00:00Z');
    t.clock.set(at('2026-06-01T00:00:00Z'));
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('counts Gregorian months of UTC by default', async () => {
    const liability = await report('/v1/reports/liability').expect(200);
    expect(liability.body.calendar).toBe('gregorian');
    expect(liability.body.byExpiryMonth).toEqual([
      { month: '2026-03', start: '2026-03-01T00:00:00.000Z', points: 111 },
      { month: '2026-11', start: '2026-11-01T00:00:00.000Z', points: 1000 },
      // The goodwill credits, expiring 365 days after each grant.
      { month: '2027-03', start: '2027-03-01T00:00:00.000Z', points: 11 },
      { month: '2027-04', start: '2027-04-01T00:00:00.000Z', points: 1100 },
      { month: null, start: null, points: 10_000 },
    ]);
    const goodwill = await report('/v1/reports/goodwill', { from: '2026-01-01' }).expect(200);
    expect(goodwill.body.calendar).toBe('gregorian');
    expect(goodwill.body.byMonth).toEqual([
      { month: '2026-03', start: '2026-03-01T00:00:00.000Z', grants: 2, members: 1, points: 11 },
      { month: '2026-04', start: '2026-04-01T00:00:00.000Z', grants: 2, members: 2, points: 1100 },
    ]);
  });

  describe('with the program in Asia/Tehran', () => {
    beforeAll(async () => {
      await t
        .api()
        .put('/v1/program')
        .set(bearer(t.keys.marketer))
        .send({ timeZone: 'Asia/Tehran' })
        .expect(200);
    });

    it('counts Gregorian months of Tehran, starting at its midnight', async () => {
      const liability = await report('/v1/reports/liability', { calendar: 'gregorian' }).expect(
        200,
      );
      expect(liability.body.byExpiryMonth).toEqual([
        { month: '2026-03', start: '2026-02-28T20:30:00.000Z', points: 11 },
        { month: '2026-04', start: '2026-03-31T20:30:00.000Z', points: 100 },
        { month: '2026-11', start: '2026-10-31T20:30:00.000Z', points: 1000 },
        { month: '2027-03', start: '2027-02-28T20:30:00.000Z', points: 11 },
        { month: '2027-04', start: '2027-03-31T20:30:00.000Z', points: 1100 },
        { month: null, start: null, points: 10_000 },
      ]);
    });

    it('counts Persian months: the lot expiring at 21:00 UTC on 20 March 2026 is Farvardin', async () => {
      const liability = await report('/v1/reports/liability', { calendar: 'persian' }).expect(200);
      expect(liability.body.calendar).toBe('persian');
      expect(liability.body.byExpiryMonth).toEqual([
        { month: '1404-12', start: '2026-02-19T20:30:00.000Z', points: 1 },
        { month: '1405-01', start: '2026-03-20T20:30:00.000Z', points: 110 },
        { month: '1405-09', start: '2026-11-21T20:30:00.000Z', points: 1000 },
        // The goodwill credits: 2027-03-20T20:00Z is Esfand 1405, 21:00Z Farvardin 1406.
        { month: '1405-12', start: '2027-02-19T20:30:00.000Z', points: 1 },
        { month: '1406-01', start: '2027-03-20T20:30:00.000Z', points: 1110 },
        { month: null, start: null, points: 10_000 },
      ]);
      // The rest of the report does not depend on the calendar.
      const gregorian = await report('/v1/reports/liability').expect(200);
      const { byExpiryMonth: _p, calendar: _c, ...rest } = liability.body;
      const { byExpiryMonth: _g, calendar: _d, ...same } = gregorian.body;
      expect(rest).toEqual(same);
    });

    it('counts goodwill by Persian month, each member once a month', async () => {
      const goodwill = await report('/v1/reports/goodwill', {
        from: '2026-01-01',
        to: '2026-12-31',
        calendar: 'persian',
      }).expect(200);
      expect(goodwill.body).toMatchObject({
        from: '2026-01-01T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
        calendar: 'persian',
      });
      expect(goodwill.body.byMonth).toEqual([
        { month: '1404-12', start: '2026-02-19T20:30:00.000Z', grants: 1, members: 1, points: 1 },
        {
          month: '1405-01',
          start: '2026-03-20T20:30:00.000Z',
          grants: 3,
          members: 2,
          points: 1110,
        },
      ]);
    });
  });

  it('refuses a calendar it does not know, and a period that ends before it starts', async () => {
    for (const path of ['/v1/reports/liability', '/v1/reports/goodwill']) {
      for (const calendar of ['julian', 'Persian', '']) {
        const refused = await report(path, { calendar }).expect(400);
        expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      }
    }
    const backwards = await report('/v1/reports/goodwill', {
      from: '2026-04-01',
      to: '2026-03-01',
    }).expect(400);
    expect(backwards.body.error.code).toBe('VALIDATION_FAILED');
    await report('/v1/reports/goodwill', { from: 'last week' }).expect(400);
  });

  it('is for marketers and admins', async () => {
    for (const path of ['/v1/reports/liability', '/v1/reports/goodwill']) {
      await report(path, { calendar: 'persian' }, t.keys.admin).expect(200);
      await report(path, { calendar: 'persian' }, t.keys.cashier).expect(403);
      await report(path, { calendar: 'persian' }, (await t.member()).token).expect(403);
      await t.api().get(path).expect(401);
    }
  });
});
