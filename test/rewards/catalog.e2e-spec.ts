import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { rewardsOf } from './rewards-helpers';

describe('the reward catalog', () => {
  let t: TestApp;
  let r: ReturnType<typeof rewardsOf>;
  const post = (body: Record<string, unknown>) =>
    t.api().post('/v1/rewards').set(bearer(t.keys.marketer)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    r = rewardsOf(t);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('creates, reads, lists, replaces and deletes rewards of every type', async () => {
    const created = await post({
      name: '  5.00 off  ',
      type: 'discount_amount',
      pointsCost: 500,
      value: 500,
      stock: 10,
      perMemberLimit: 2,
      validDays: 30,
      description: 'Any order',
    }).expect(201);
    expect(created.body).toMatchObject({
      name: '5.00 off',
      type: 'discount_amount',
      pointsCost: 500,
      value: 500,
      stock: 10,
      stockRemaining: 10,
      perMemberLimit: 2,
      tiers: [],
      validDays: 30,
      activeFrom: null,
      activeUntil: null,
      active: true,
      description: 'Any order',
    });
    const id = created.body.id as string;
    const others = [
      { name: '10% off', type: 'discount_percent', pointsCost: 800, value: 10 },
      { name: 'Free latte', type: 'free_product', pointsCost: 300, value: 'LATTE' },
      { name: 'Free alterations', type: 'service_perk', pointsCost: 1000, value: 'Free hem' },
      { name: 'Tote bag', type: 'gift', pointsCost: 0 },
    ];
    const values = [];
    for (const body of others) {
      values.push((await post(body).expect(201)).body.value);
    }
    // A perk without a value is described by its name.
    expect(values).toEqual([10, 'LATTE', 'Free hem', 'Tote bag']);

    const got = await t.api().get(`/v1/rewards/${id}`).set(bearer(t.keys.marketer)).expect(200);
    expect(got.body).toEqual(created.body);
    const page = await t.api().get('/v1/rewards?limit=2').set(bearer(t.keys.marketer)).expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items[0].name).toBe('Tote bag'); // newest first
    const rest = await t
      .api()
      .get(`/v1/rewards?limit=200&cursor=${page.body.nextCursor}`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(rest.body.items.map((i: { name: string }) => i.name)).toContain('5.00 off');
    expect(rest.body.nextCursor).toBeNull();

    const replaced = await t
      .api()
      .put(`/v1/rewards/${id}`)
      .set(bearer(t.keys.marketer))
      .send({
        name: '6.00 off',
        type: 'discount_amount',
        pointsCost: 600,
        value: 600,
        active: false,
      })
      .expect(200);
    // PUT replaces everything: omitted optional fields return to their defaults.
    expect(replaced.body).toMatchObject({
      name: '6.00 off',
      value: 600,
      stock: null,
      stockRemaining: null,
      perMemberLimit: null,
      validDays: null,
      description: null,
      active: false,
    });
    const inactive = await t
      .api()
      .get('/v1/rewards?active=false')
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(inactive.body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    await t.api().delete(`/v1/rewards/${id}`).set(bearer(t.keys.marketer)).expect(204);
    const gone = await t.api().get(`/v1/rewards/${id}`).set(bearer(t.keys.marketer)).expect(404);
    expect(gone.body.error.code).toBe('REWARD_NOT_FOUND');
    await t.api().delete(`/v1/rewards/${id}`).set(bearer(t.keys.marketer)).expect(404);
    await t
      .api()
      .put(`/v1/rewards/${id}`)
      .set(bearer(t.keys.marketer))
      .send({ name: 'x', type: 'gift', pointsCost: 1 })
      .expect(404);
  });

  it.each([
    [{ type: 'discount_amount', pointsCost: 1 }, 'value'],
    [{ type: 'discount_amount', pointsCost: 1, value: '500' }, 'value'],
    [{ type: 'discount_amount', pointsCost: 1, value: 0 }, 'value'],
    [{ type: 'discount_percent', pointsCost: 1, value: 101 }, 'value'],
    [{ type: 'discount_percent', pointsCost: 1, value: 12.5 }, 'value'],
    [{ type: 'free_product', pointsCost: 1, value: 7 }, 'value'],
    [{ type: 'free_product', pointsCost: 1, value: '  ' }, 'value'],
    [{ type: 'coupon', pointsCost: 1 }, 'type'],
    [{ type: 'gift', pointsCost: -1 }, 'pointsCost'],
    [{ type: 'gift', pointsCost: 1.5 }, 'pointsCost'],
    [{ type: 'gift', pointsCost: 1, stock: -1 }, 'stock'],
    [{ type: 'gift', pointsCost: 1, perMemberLimit: 0 }, 'perMemberLimit'],
    [{ type: 'gift', pointsCost: 1, validDays: 0 }, 'validDays'],
    [{ type: 'gift', pointsCost: 1, tiers: ['gold', 'gold'] }, 'tiers'],
    [{ type: 'gift', pointsCost: 1, tiers: 'gold' }, 'tiers'],
    [{ type: 'gift', pointsCost: 1, activeFrom: '2026-12-01' }, 'activeFrom'],
    [
      {
        type: 'gift',
        pointsCost: 1,
        activeFrom: '2026-12-01T00:00:00Z',
        activeUntil: '2026-11-01T00:00:00Z',
      },
      'activeUntil',
    ],
    [{ type: 'gift', pointsCost: 1, colour: 'red' }, 'colour'],
  ])('refuses %j (400, naming %s)', async (body, field) => {
    const response = await post({ name: 'Bad', ...body }).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.body.error)).toContain(field);
  });

  it('is the marketers’ (and admins’) alone', async () => {
    const m = await t.member();
    const body = { name: 'x', type: 'gift', pointsCost: 1 };
    await t.api().post('/v1/rewards').set(bearer(m.token)).send(body).expect(403);
    await t.api().post('/v1/rewards').set(bearer(t.keys.cashier)).send(body).expect(403);
    await t.api().get('/v1/rewards').set(bearer(t.keys.integration)).expect(403);
    await t.api().get('/v1/rewards').expect(401);
    await t.api().post('/v1/rewards').set(bearer(t.keys.admin)).send(body).expect(201);
    await t.api().get('/v1/rewards/not-a-uuid').set(bearer(t.keys.marketer)).expect(400);
  });

  it('moves the units left with the stock a PUT sets, never below zero', async () => {
    const reward = await r.create({
      name: 'Mug',
      type: 'gift',
      pointsCost: 10,
      stock: 5,
    });
    const m = await r.funded(100);
    await r.redeem(m, reward.id).expect(201);
    const put = (stock: number | null) =>
      t
        .api()
        .put(`/v1/rewards/${reward.id}`)
        .set(bearer(t.keys.marketer))
        .send({ name: 'Mug', type: 'gift', pointsCost: 10, stock })
        .expect(200);
    expect((await put(10)).body).toMatchObject({ stock: 10, stockRemaining: 9 });
    expect((await put(0)).body).toMatchObject({ stock: 0, stockRemaining: 0 });
    expect((await put(null)).body).toMatchObject({ stock: null, stockRemaining: null });
    expect((await put(3)).body).toMatchObject({ stock: 3, stockRemaining: 3 });
  });

  describe('as a member sees it', () => {
    it('shows active rewards in their window, each with affordable and the stock left', async () => {
      const now = t.clock.now().getTime();
      const day = 86_400_000;
      const cheap = await r.create({ name: 'Cheap', type: 'gift', pointsCost: 100, stock: 3 });
      const dear = await r.create({
        name: 'Dear',
        type: 'discount_amount',
        pointsCost: 5000,
        value: 1000,
        perMemberLimit: 1,
      });
      const off = await r.create({ name: 'Off', type: 'gift', pointsCost: 1, active: false });
      const later = await r.create({
        name: 'Later',
        type: 'gift',
        pointsCost: 1,
        activeFrom: new Date(now + 2 * 3_600_000).toISOString(),
      });
      const over = await r.create({
        name: 'Over',
        type: 'gift',
        pointsCost: 1,
        activeFrom: new Date(now - 10 * day).toISOString(),
        activeUntil: new Date(now - day).toISOString(),
      });
      const m = await r.funded(1000);
      const items = await r.myRewards(m);
      const ids = items.map((i) => i.id);
      expect(ids).toEqual(expect.arrayContaining([cheap.id, dear.id]));
      for (const hidden of [off.id, later.id, over.id]) {
        expect(ids).not.toContain(hidden);
      }
      expect(items.find((i) => i.id === cheap.id)).toMatchObject({
        name: 'Cheap',
        pointsCost: 100,
        affordable: true,
        stockRemaining: 3,
        redeemable: true,
        redeemedByMe: 0,
      });
      expect(items.find((i) => i.id === dear.id)).toMatchObject({
        affordable: false,
        stockRemaining: null,
        perMemberLimit: 1,
        redeemable: false,
        value: 1000,
      });
      // Cheapest first.
      const costs = items.map((i) => i.pointsCost as number);
      expect(costs).toEqual([...costs].sort((a, b) => a - b));

      // Invisible rewards cannot be redeemed either.
      for (const hidden of [off.id, later.id, over.id]) {
        const refused = await r.redeem(m, hidden).expect(404);
        expect(refused.body.error.code).toBe('REWARD_NOT_FOUND');
      }
      await r.redeem(m, cheap.id).expect(201);
      const after = (await r.myRewards(m)).find((i) => i.id === cheap.id);
      expect(after).toMatchObject({ stockRemaining: 2, redeemedByMe: 1 });

      // Time moves into the window (three hours: member tokens last a day).
      t.clock.advanceDays(0.125);
      try {
        expect((await r.myRewards(m)).map((i) => i.id)).toContain(later.id);
      } finally {
        t.clock.advanceDays(-0.125);
      }
    });

    it('pages cheapest first with an opaque cursor', async () => {
      const m = await t.member();
      const all = await r.myRewards(m);
      const first = await t.api().get('/v1/me/rewards?limit=2').set(bearer(m.token)).expect(200);
      expect(first.body.items.map((i: { id: string }) => i.id)).toEqual(
        all.slice(0, 2).map((i) => i.id),
      );
      const second = await t
        .api()
        .get(`/v1/me/rewards?limit=2&cursor=${first.body.nextCursor}`)
        .set(bearer(m.token))
        .expect(200);
      expect(second.body.items.map((i: { id: string }) => i.id)).toEqual(
        all.slice(2, 4).map((i) => i.id),
      );
      await t.api().get('/v1/me/rewards?cursor=nonsense').set(bearer(m.token)).expect(400);
      await t.api().get('/v1/me/rewards').set(bearer(t.keys.marketer)).expect(403);
    });

    it('shows and redeems tier-gated rewards only for members in those tiers', async () => {
      for (const [code, name, rank, threshold] of [
        ['rw-base', 'Base', 901, 0],
        ['rw-gold', 'Gold', 902, 100000],
        ['rw-vip', 'VIP', 903, 500000],
      ] as const) {
        await t
          .api()
          .post('/v1/tiers')
          .set(bearer(t.keys.marketer))
          .send({
            code,
            name,
            rank,
            qualification: { metric: 'spend', threshold, windowDays: 365 },
          })
          .expect(201);
      }
      const gated = await r.create({
        name: 'Gold lounge',
        type: 'service_perk',
        pointsCost: 10,
        tiers: ['rw-gold', 'rw-vip'],
      });
      const gold = await r.funded(100);
      const vip = await r.funded(100);
      const plain = await r.funded(100);
      const base = await r.funded(100);
      await r.sql(
        `INSERT INTO member_tiers (member_id, tier_code, achieved_at) VALUES
           ($1, 'rw-gold', now()), ($2, 'rw-vip', now()), ($3, 'rw-base', now())`,
        [gold.id, vip.id, base.id],
      );
      for (const m of [gold, vip]) {
        expect((await r.myRewards(m)).map((i) => i.id)).toContain(gated.id);
      }
      for (const m of [plain, base]) {
        expect((await r.myRewards(m)).map((i) => i.id)).not.toContain(gated.id);
        const refused = await r.redeem(m, gated.id).expect(404);
        expect(refused.body.error.code).toBe('REWARD_NOT_FOUND');
      }
      const ok = await r.redeem(gold, gated.id).expect(201);
      expect(ok.body).toMatchObject({ perk: 'Gold lounge', pointsSpent: 10 });
      expect(ok.body.code).toBeUndefined();
      expect(
        await r.count('reward_redemptions', 'member_id = ANY($1)', [[plain.id, base.id]]),
      ).toBe(0);
    });
  });
});
