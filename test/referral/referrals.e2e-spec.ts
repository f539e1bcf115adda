import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { buyOne } from '../support/till';

describe('referrals: customers who sell for you', () => {
  let t: TestApp;
  let seq = 0;
  const program = (body: Record<string, unknown>) =>
    t.api().put('/v1/referral-program').set(bearer(t.keys.marketer)).send(body).expect(200);
  const enroll = (referralCode: string, extra: Record<string, unknown> = {}) =>
    t
      .api()
      .post('/v1/members')
      .set(bearer(t.keys.integration))
      .send({ email: `r${++seq}-${Date.now()}@example.com`, referralCode, ...extra });
  const referee = async (code: string): Promise<TestMember> => {
    const created = await enroll(code).expect(201);
    const token = await t
      .api()
      .post(`/v1/members/${created.body.id}/tokens`)
      .set(bearer(t.keys.integration))
      .expect(201);
    return { ...(created.body as TestMember), token: token.body.token as string };
  };
  const buy = (m: TestMember, amount: number) =>
    buyOne(t, m.id, amount, { sku: 'S', channel: 'online' }).expect(201);
  const available = async (m: TestMember) => (await ledgerOf(t).balances(m.id)).available;

  beforeAll(async () => {
    t = await startTestApp();
    await program({
      active: true,
      referrerPoints: 500,
      refereePoints: 250,
      qualifyingMinSpend: 2000,
      maxReferralsPerMember: 2,
      velocityMax: 3,
      velocityWindowHours: 24,
    });
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('rewards both sides exactly once, on the first purchase that reaches the minimum', async () => {
    const referrer = await t.member();
    const friend = await referee(referrer.referralCode);
    await buy(friend, 1999); // below the minimum
    expect(await available(referrer)).toBe(0);
    const qualifying = await buy(friend, 2000);
    expect(qualifying.body.balance.available).toBe(250);
    expect(await available(referrer)).toBe(500);
    await buy(friend, 5000); // never again
    expect(await available(referrer)).toBe(500);
    expect(await available(friend)).toBe(250);
    const mine = await t.api().get('/v1/me/referral').set(bearer(referrer.token)).expect(200);
    expect(mine.body).toMatchObject({
      code: referrer.referralCode,
      link: expect.stringContaining(`ref=${referrer.referralCode}`),
      referred: [{ memberId: friend.id, status: 'rewarded' }],
      pointsEarned: 500,
    });
  });

  it('stops paying a referrer past the cap, while their referees still get theirs', async () => {
    const referrer = await t.member();
    for (let i = 0; i < 3; i++) {
      await buy(await referee(referrer.referralCode), 2500);
    }
    expect(await available(referrer)).toBe(1000);
  });

  it('refuses unknown codes, a stopped program and self-referral, creating nobody', async () => {
    const before = Number(
      (await ledgerOf(t).dataSource.query('SELECT count(*) AS n FROM members'))[0].n,
    );
    expect((await enroll('NOSUCHCODE').expect(422)).body.error.code).toBe('REFERRAL_CODE_INVALID');
    const referrer = await t.member({ phone: '+15550001234' });
    const self = await enroll(referrer.referralCode, { phone: '+15550001234' });
    expect(self.status).toBeGreaterThanOrEqual(400);
    expect(self.status).toBeLessThan(500);
    await program({ active: false });
    try {
      expect((await enroll(referrer.referralCode).expect(422)).body.error.code).toBe(
        'REFERRAL_CODE_INVALID',
      );
    } finally {
      await program({ active: true });
    }
    const after = Number(
      (await ledgerOf(t).dataSource.query('SELECT count(*) AS n FROM members'))[0].n,
    );
    expect(after).toBe(before + 1); // only the referrer
  });

  it('takes the referral points back when the qualifying order is returned below the minimum', async () => {
    const referrer = await t.member();
    const friend = await referee(referrer.referralCode);
    const order = await buy(friend, 3000);
    expect(await available(referrer)).toBe(500);
    await t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', `ret-${order.body.orderId}`)
      .send({ orderId: order.body.orderId, lines: [{ sku: 'S', quantity: 1 }] })
      .expect(201);
    expect(await available(referrer)).toBe(0);
    expect(await available(friend)).toBe(0);
    const mine = await t.api().get('/v1/me/referral').set(bearer(referrer.token)).expect(200);
    expect(mine.body.referred[0].status).toBe('reversed');
  });

  it('holds a burst of referrals for review; approval pays, rejection does not', async () => {
    const referrer = await t.member();
    const friends: TestMember[] = [];
    for (let i = 0; i < 5; i++) {
      friends.push(await referee(referrer.referralCode));
    }
    const held = await t
      .api()
      .get('/v1/referrals?status=held&limit=200')
      .set(bearer(t.keys.admin))
      .expect(200);
    const mineHeld = held.body.items.filter(
      (r: { referrerId: string }) => r.referrerId === referrer.id,
    );
    expect(mineHeld).toHaveLength(2);
    const [first, second] = mineHeld as { refereeId: string }[];
    const heldFriend = friends.find((f) => f.id === first?.refereeId) as TestMember;
    await buy(heldFriend, 2500);
    expect(await available(heldFriend)).toBe(0); // held: not paid
    const approved = await t
      .api()
      .post(`/v1/referrals/${first?.refereeId}/approve`)
      .set(bearer(t.keys.admin))
      .expect(200);
    expect(approved.body.status).toBe('rewarded');
    expect(await available(heldFriend)).toBe(250);
    await t
      .api()
      .post(`/v1/referrals/${second?.refereeId}/reject`)
      .set(bearer(t.keys.admin))
      .expect(200);
    await buy(friends.find((f) => f.id === second?.refereeId) as TestMember, 2500);
    expect(await available(friends.find((f) => f.id === second?.refereeId) as TestMember)).toBe(0);
    await t
      .api()
      .post(`/v1/referrals/${second?.refereeId}/approve`)
      .set(bearer(t.keys.admin))
      .expect(409);
    await t.api().get('/v1/referrals').set(bearer(t.keys.marketer)).expect(403);
  });
});
