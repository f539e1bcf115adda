import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { buyOne } from '../support/till';

describe("what a checkout's answer tells the till", () => {
  let t: TestApp;
  let seq = 0;
  const buy = (m: { id: string }, unitPrice: number) => buyOne(t, m.id, unitPrice).expect(201);

  beforeAll(async () => {
    t = await startTestApp();
    const marketer = bearer(t.keys.marketer);
    await t
      .api()
      .post('/v1/earning-rules')
      .set(marketer)
      .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
      .expect(201);
    for (const tier of [
      {
        code: 'member',
        name: 'Member',
        rank: 0,
        qualification: { metric: 'spend', threshold: 0, windowDays: 365 },
      },
      {
        code: 'gold',
        name: 'Gold',
        rank: 1,
        qualification: { metric: 'spend', threshold: 10000, windowDays: 365 },
      },
    ]) {
      await t.api().post('/v1/tiers').set(marketer).send(tier).expect(201);
    }
    await t
      .api()
      .put('/v1/referral-program')
      .set(marketer)
      .send({
        active: true,
        referrerPoints: 500,
        refereePoints: 250,
        qualifyingMinSpend: 2000,
        maxReferralsPerMember: 10,
      })
      .expect(200);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('says when the order moved the member up a tier, and only then', async () => {
    const m = await t.member();
    const small = await buy(m, 4000);
    expect(small.body).toMatchObject({ tier: { code: 'member' }, tierChanged: null });
    expect(small.body.messages.join(' ')).not.toMatch(/Welcome/);

    const crossing = await buy(m, 6000);
    expect(crossing.body).toMatchObject({
      tier: { code: 'gold', name: 'Gold' },
      tierChanged: { from: 'member', to: 'gold' },
    });
    expect(crossing.body.messages).toContain("Welcome to Gold! The member's new tier starts now.");

    const after = await buy(m, 6000);
    expect(after.body).toMatchObject({ tier: { code: 'gold' }, tierChanged: null });
    expect(after.body.messages.join(' ')).not.toMatch(/Welcome/);
  });

  it("says when the order paid the referee's welcome bonus, once", async () => {
    const referrer = await t.member();
    const friend = await t.member({ referralCode: referrer.referralCode });
    const below = await buy(friend, 1500);
    expect(below.body.messages.join(' ')).not.toMatch(/Welcome bonus/);
    const qualifying = await buy(friend, 2500);
    expect(qualifying.body.messages).toContain(
      'Welcome bonus: 250 points for joining through a friend.',
    );
    expect(qualifying.body.balance.available).toBe(250 + 25 + 15); // the bonus and both orders' points
    const later = await buy(friend, 2500);
    expect(later.body.messages.join(' ')).not.toMatch(/Welcome bonus/);
  });

  it('simulates without claiming a tier change', async () => {
    const m: TestMember = await t.member();
    const simulated = await t
      .api()
      .post('/v1/pos/checkouts/simulate')
      .set(bearer(t.keys.cashier))
      .send({
        member: { id: m.id },
        orderId: `sim-${++seq}`,
        channel: 'store',
        lines: [{ sku: 'ITEM', quantity: 1, unitPrice: 20000 }],
      })
      .expect(200);
    expect(simulated.body).toMatchObject({ tier: { code: 'member' }, tierChanged: null });
  });
});
