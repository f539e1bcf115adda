import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';

const DAY = 86_400_000;

describe('ledger over HTTP: adjustments, activity, /v1/me, reports, audit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  const adjust = (
    memberId: string,
    body: Record<string, unknown>,
    key?: string,
    as = 'marketer' as const,
  ) => {
    const r = t.api().post(`/v1/members/${memberId}/adjustments`).set(bearer(t.keys[as]));
    return (key ? r.set('Idempotency-Key', key) : r).send(body);
  };

  it('grants a goodwill credit once per Idempotency-Key and shows it to the member', async () => {
    const m = await t.member();
    const body = { points: 500, reason: 'goodwill', ticketId: 'SUP-1', note: 'Late delivery' };
    const first = await adjust(m.id, body, 'adj-1').expect(201);
    expect(first.body).toMatchObject({
      points: 500,
      reason: 'goodwill',
      balance: { available: 500, pending: 0 },
    });
    const again = await adjust(m.id, body, 'adj-1').expect(201);
    expect(again.body).toEqual(first.body);
    const other = await adjust(m.id, { ...body, points: 501 }, 'adj-1').expect(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const me = await t.api().get('/v1/me').set(bearer(m.token)).expect(200);
    expect(me.body.points).toMatchObject({ available: 500, pending: 0, lifetimeEarned: 500 });
    const activity = await t.api().get('/v1/me/activity').set(bearer(m.token)).expect(200);
    expect(activity.body.items).toHaveLength(1);
    expect(activity.body.items[0]).toMatchObject({
      type: 'adjust',
      points: 500,
      reason: 'goodwill',
    });
    expect(activity.body.items[0].description).toContain('goodwill gesture');
    expect(activity.body.items[0].description).toContain('SUP-1');
  });

  it('requires the key, a valid reason and a non-zero whole number of points', async () => {
    const m = await t.member();
    expect(
      (await adjust(m.id, { points: 5, reason: 'goodwill' }).expect(400)).body.error.code,
    ).toBe('IDEMPOTENCY_KEY_REQUIRED');
    for (const body of [
      { points: 0, reason: 'goodwill' },
      { points: 1.5, reason: 'goodwill' },
      { points: 5, reason: 'because' },
      { points: 5 },
    ]) {
      expect(
        (await adjust(m.id, body, `bad-${JSON.stringify(body)}`).expect(400)).body.error.code,
      ).toBe('VALIDATION_FAILED');
    }
    await adjust(
      '00000000-0000-4000-8000-000000000000',
      { points: 5, reason: 'goodwill' },
      'nobody',
    ).expect(404);
  });

  it('debits with a negative adjustment, refusing to overdraw (422, nothing written)', async () => {
    const m = await t.member();
    await adjust(m.id, { points: 100, reason: 'migration' }, 'mig-1').expect(201);
    const refused = await adjust(m.id, { points: -150, reason: 'correction' }, 'cor-1').expect(422);
    expect(refused.body.error.code).toBe('INSUFFICIENT_POINTS');
    const ok = await adjust(m.id, { points: -40, reason: 'correction' }, 'cor-1').expect(201);
    expect(ok.body.balance.available).toBe(60);
  });

  it('lets only marketers and admins adjust', async () => {
    const m = await t.member();
    await adjust(m.id, { points: 5, reason: 'goodwill' }, 'r-1', 'cashier' as 'marketer').expect(
      403,
    );
    await t
      .api()
      .post(`/v1/members/${m.id}/adjustments`)
      .set(bearer(m.token))
      .set('Idempotency-Key', 'r-2')
      .send({ points: 5, reason: 'goodwill' })
      .expect(403);
  });

  it('pages activity newest first', async () => {
    const m = await t.member();
    for (let i = 1; i <= 3; i++) {
      await adjust(m.id, { points: i, reason: 'goodwill' }, `page-${i}`).expect(201);
    }
    const first = await t
      .api()
      .get(`/v1/members/${m.id}/activity?limit=2`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(first.body.items.map((i: { points: number }) => i.points)).toEqual([3, 2]);
    const second = await t
      .api()
      .get(`/v1/members/${m.id}/activity?limit=2&cursor=${first.body.nextCursor}`)
      .set(bearer(t.keys.integration))
      .expect(200);
    expect(second.body.items.map((i: { points: number }) => i.points)).toEqual([1]);
    expect(second.body.nextCursor).toBeNull();
    // The till sees the balance in its checkout answers, not a member's history.
    await t.api().get(`/v1/members/${m.id}/activity`).set(bearer(t.keys.cashier)).expect(403);
  });

  it('shows points expiring soon, the liability report, and runs the jobs on demand', async () => {
    const m = await t.member();
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ pointsExpiryDays: 20 })
      .expect(200);
    await adjust(m.id, { points: 70, reason: 'goodwill' }, 'exp-1').expect(201);
    const me = await t.api().get('/v1/me').set(bearer(m.token)).expect(200);
    expect(me.body.points.expiringSoon).toEqual([{ points: 70, expiresAt: expect.any(String) }]);

    const before = await t
      .api()
      .get('/v1/reports/liability')
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(before.body.available).toBeGreaterThanOrEqual(70);
    t.clock.set(new Date(t.clock.now().getTime() + 21 * DAY));
    const run = await t.api().post('/v1/ledger/jobs/expire').set(bearer(t.keys.admin)).expect(200);
    expect(run.body).toMatchObject({ ran: true });
    expect(run.body.points).toBeGreaterThanOrEqual(70);
    const after = await t
      .api()
      .get('/v1/reports/liability')
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(after.body.expired - before.body.expired).toBeGreaterThanOrEqual(70);
    // The member's token has expired by now: the shopper's app would get a new one.
    const token = await t
      .api()
      .post(`/v1/members/${m.id}/tokens`)
      .set(bearer(t.keys.integration))
      .expect(201);
    const mine = await t.api().get('/v1/me').set(bearer(token.body.token)).expect(200);
    expect(mine.body.points.available).toBe(0);
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ pointsExpiryDays: 365 })
      .expect(200);
  });

  it('reads and validates program settings', async () => {
    const program = await t.api().get('/v1/program').set(bearer(t.keys.marketer)).expect(200);
    expect(program.body).toMatchObject({ currency: 'USD', minorUnitsPerMajor: 100 });
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ pointsPendingDays: -1 })
      .expect(400);
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ timeZone: 'Mars/Olympus' })
      .expect(400);
    await t.api().put('/v1/program').set(bearer(t.keys.cashier)).send({ name: 'x' }).expect(403);
    // Program settings are configuration: a till or a web shop has no use for them.
    for (const key of [t.keys.cashier, t.keys.integration]) {
      await t.api().get('/v1/program').set(bearer(key)).expect(403);
    }
  });

  it('audits for admins only, and `vafa ledger verify` agrees', async () => {
    const audit = await t.api().get('/v1/ledger/audit').set(bearer(t.keys.admin)).expect(200);
    expect(audit.body).toMatchObject({ balanced: true, discrepancies: [] });
    expect(audit.body.checkedAccounts).toBeGreaterThan(0);
    await t.api().get('/v1/ledger/audit').set(bearer(t.keys.marketer)).expect(403);

    const cli = await promisify(execFile)(
      process.execPath,
      ['dist/apps/cli/src/main.js', 'ledger', 'verify'],
      {
        env: { ...process.env, DATABASE_URL: t.databaseUrl },
      },
    );
    expect(cli.stdout).toContain('The ledger is balanced.');
  });
});
