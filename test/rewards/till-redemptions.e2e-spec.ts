import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf, nextKey } from '../support/ledger-helpers';
import { COUPON_CODE, rewardsOf } from './rewards-helpers';

describe('redeeming rewards at the till, for a member without the app', () => {
  let t: TestApp;
  let r: ReturnType<typeof rewardsOf>;
  let seq = 0;

  const till = () => t.api();
  const redeemAtTill = (
    member: Record<string, unknown>,
    rewardId: string,
    key = nextKey('till-redeem'),
    apiKey = t.keys.cashier,
  ) =>
    till()
      .post('/v1/pos/redemptions')
      .set(bearer(apiKey))
      .set('Idempotency-Key', key)
      .send({ member, rewardId });
  const tillRewards = async (memberId: string): Promise<Record<string, unknown>[]> =>
    (
      await till()
        .get(`/v1/pos/members/${memberId}/rewards?limit=200`)
        .set(bearer(t.keys.cashier))
        .expect(200)
    ).body.items as Record<string, unknown>[];
  const tillPerks = async (memberId: string): Promise<Record<string, unknown>[]> =>
    (await till().get(`/v1/pos/members/${memberId}/perks`).set(bearer(t.keys.cashier)).expect(200))
      .body.items as Record<string, unknown>[];
  const available = async (m: TestMember): Promise<number> =>
    (await ledgerOf(t).balances(m.id)).available;
  const writes = async () => [
    await r.count('reward_redemptions'),
    await r.count('ledger_transactions'),
    await r.count('idempotent_requests'),
  ];

  beforeAll(async () => {
    t = await startTestApp();
    r = rewardsOf(t);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('finds the member by card, lists what they may redeem, redeems once, shows the code and takes it at checkout', async () => {
    const latte = await r.create({
      name: 'Free latte',
      type: 'free_product',
      pointsCost: 300,
      value: 'LATTE',
      validDays: 30,
    });
    const dear = await r.create({ name: 'Espresso machine', type: 'gift', pointsCost: 5000 });
    const m = await r.funded(1000, { phone: '+98 912 555 0101' });

    // The cashier finds the member by the card in their hand.
    const found = await till()
      .get(`/v1/members?cardNumber=${m.cardNumber}`)
      .set(bearer(t.keys.cashier))
      .expect(200);
    expect(found.body.items.map((x: { id: string }) => x.id)).toEqual([m.id]);

    const offered = await tillRewards(m.id);
    expect(offered.find((x) => x.id === latte.id)).toMatchObject({
      pointsCost: 300,
      affordable: true,
      redeemable: true,
    });
    expect(offered.find((x) => x.id === dear.id)).toMatchObject({
      affordable: false,
      redeemable: false,
    });
    // The same catalog the member's app would show.
    expect(offered).toEqual(await r.myRewards(m));

    // Redeemed by card; retried with the same key (a flaky network): the balance drops once.
    const key = nextKey('till');
    const first = await redeemAtTill({ cardNumber: m.cardNumber }, latte.id, key).expect(201);
    expect(first.body).toMatchObject({
      rewardId: latte.id,
      pointsSpent: 300,
      code: expect.stringMatching(COUPON_CODE),
      balance: { available: 700, pending: 0 },
    });
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => redeemAtTill({ cardNumber: m.cardNumber }, latte.id, key)),
    );
    for (const retry of retries) {
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
    }
    expect(await available(m)).toBe(700);
    expect(await r.count('reward_redemptions', 'member_id = $1', [m.id])).toBe(1);
    // The redemption is recorded with the cashier's store.
    const [entry] = await r.sql<{ description: string; reference: { storeId?: string } }>(
      `SELECT description, reference FROM ledger_transactions WHERE member_id = $1 AND kind = 'redeem'`,
      [m.id],
    );
    expect(entry).toMatchObject({
      description: 'Redeemed 300 points for Free latte at store store-1',
      reference: { storeId: 'store-1' },
    });

    // The till sees the code (the only way a cashier does) ...
    const perks = await tillPerks(m.id);
    expect(perks).toEqual([
      expect.objectContaining({
        id: first.body.redemptionId,
        code: first.body.code,
        status: 'active',
      }),
    ]);
    // ... and takes it at checkout.
    const sold = await till()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', nextKey('ck'))
      .send({
        member: { phone: '+98 912 555 0101' },
        orderId: `till-${++seq}-${Date.now()}`,
        channel: 'store',
        lines: [{ sku: 'LATTE', quantity: 1, unitPrice: 450 }],
        couponCodes: [first.body.code],
      })
      .expect(201);
    expect(sold.body).toMatchObject({ discount: 450, total: 0 });
    expect(await tillPerks(m.id)).toEqual([]);
    // The listing now counts it.
    expect((await tillRewards(m.id)).find((x) => x.id === latte.id)).toMatchObject({
      redeemedByMe: 1,
    });
  });

  it('gives the last unit to one of the members racing for it at different tills', async () => {
    const last = await r.create({
      name: 'Signed mug',
      type: 'gift',
      pointsCost: 100,
      stock: 1,
    });
    const members = await Promise.all(Array.from({ length: 4 }, () => r.funded(500)));
    const results = await Promise.all(members.map((m) => redeemAtTill({ id: m.id }, last.id)));
    expect(results.map((x) => x.status).sort()).toEqual([201, 422, 422, 422]);
    for (const refused of results.filter((x) => x.status === 422)) {
      expect(refused.body.error.code).toBe('REWARD_OUT_OF_STOCK');
    }
    const balances = await Promise.all(members.map(available));
    expect(balances.sort()).toEqual([400, 500, 500, 500]);
    expect(await r.count('reward_redemptions', 'reward_id = $1', [last.id])).toBe(1);
  });

  it("holds the member's limit, tier gating and balance, writing nothing when it refuses", async () => {
    const once = await r.create({
      name: '2.00 off',
      type: 'discount_amount',
      pointsCost: 200,
      value: 200,
      perMemberLimit: 1,
    });
    const gated = await r.create({
      name: 'Gold lounge',
      type: 'service_perk',
      pointsCost: 10,
      tiers: ['gold'],
    });
    const m = await r.funded(300);
    const poor = await r.funded(100);
    await redeemAtTill({ id: m.id }, once.id).expect(201);
    const before = await writes();
    const limited = await redeemAtTill({ id: m.id }, once.id).expect(422);
    expect(limited.body.error.code).toBe('REWARD_LIMIT_REACHED');
    const short = await redeemAtTill({ cardNumber: poor.cardNumber }, once.id).expect(422);
    expect(short.body.error).toMatchObject({
      code: 'INSUFFICIENT_POINTS',
      details: { requested: 200, available: 100 },
    });
    const hidden = await redeemAtTill({ id: m.id }, gated.id).expect(404);
    expect(hidden.body.error.code).toBe('REWARD_NOT_FOUND');
    expect((await tillRewards(m.id)).map((x) => x.id)).not.toContain(gated.id);
    expect(await writes()).toEqual(before);
    // The refused key may be retried once the member can afford it.
    const key = nextKey('retry');
    await redeemAtTill({ id: poor.id }, once.id, key).expect(422);
    await ledgerOf(t).credit(poor.id, 100);
    await redeemAtTill({ id: poor.id }, once.id, key).expect(201);
  });

  it('takes a key per member (another member with the same key is another redemption), 404 for unknown members, 400 for an ambiguous one', async () => {
    const reward = await r.create({ name: 'Cookie', type: 'gift', pointsCost: 50 });
    const other = await r.create({ name: 'Biscuit', type: 'gift', pointsCost: 10 });
    const a = await r.funded(100);
    const b = await r.funded(100);
    const key = nextKey('shared');
    const first = await redeemAtTill({ id: a.id }, reward.id, key).expect(201);
    const forB = await redeemAtTill({ cardNumber: b.cardNumber }, reward.id, key).expect(201);
    expect(forB.body.redemptionId).not.toBe(first.body.redemptionId);
    expect([await available(a), await available(b)]).toEqual([50, 50]);
    const again = await redeemAtTill({ id: a.id }, reward.id, key).expect(201);
    expect(again.body).toEqual(first.body);
    const reused = await redeemAtTill({ id: a.id }, other.id, key).expect(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect([await available(a), await available(b)]).toEqual([50, 50]);
    const unknown = await redeemAtTill({ cardNumber: '0000000000000000' }, reward.id).expect(404);
    expect(unknown.body.error.code).toBe('MEMBER_NOT_FOUND');
    await redeemAtTill({ id: a.id, cardNumber: a.cardNumber }, reward.id).expect(400);
    await redeemAtTill({}, reward.id).expect(400);
    await till()
      .post('/v1/pos/redemptions')
      .set(bearer(t.keys.cashier))
      .send({ member: { id: a.id }, rewardId: reward.id })
      .expect(400);
    await till()
      .get('/v1/pos/members/6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11/rewards')
      .set(bearer(t.keys.cashier))
      .expect(404);
  });

  it('is the till’s: marketers, web shops and member tokens are refused', async () => {
    const reward = await r.create({ name: 'Pin', type: 'gift', pointsCost: 10 });
    const m = await r.funded(100);
    for (const apiKey of [t.keys.marketer, t.keys.integration, m.token]) {
      await redeemAtTill({ id: m.id }, reward.id, nextKey('no'), apiKey).expect(403);
      await till().get(`/v1/pos/members/${m.id}/rewards`).set(bearer(apiKey)).expect(403);
    }
    await redeemAtTill({ id: m.id }, reward.id, nextKey('admin'), t.keys.admin).expect(201);
    expect(await available(m)).toBe(90);
  });
});
