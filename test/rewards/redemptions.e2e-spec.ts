import { DataSource } from 'typeorm';
import { GrantRewardUseCase } from '@vafa/rewards';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { COUPON_CODE, rewardsOf } from './rewards-helpers';

const DAY = 86_400_000;

describe('redeeming rewards', () => {
  let t: TestApp;
  let r: ReturnType<typeof rewardsOf>;

  beforeAll(async () => {
    t = await startTestApp();
    r = rewardsOf(t);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('spends the points and issues a coupon once per Idempotency-Key', async () => {
    const reward = await r.create({
      name: '5.00 off',
      type: 'discount_amount',
      pointsCost: 300,
      value: 500,
      validDays: 30,
    });
    const other = await r.create({ name: 'Other', type: 'gift', pointsCost: 1 });
    const m = await r.funded(1000);
    const first = await r.redeem(m, reward.id, 'redeem-once').expect(201);
    expect(first.body).toMatchObject({
      rewardId: reward.id,
      name: '5.00 off',
      type: 'discount_amount',
      pointsSpent: 300,
      balance: { available: 700, pending: 0 },
      expiresAt: new Date(t.clock.now().getTime() + 30 * DAY).toISOString(),
    });
    expect(first.body.code).toMatch(COUPON_CODE);
    expect(first.body.perk).toBeUndefined();

    const again = await r.redeem(m, reward.id, 'redeem-once').expect(201);
    expect(again.body).toEqual(first.body);
    const reused = await r.redeem(m, other.id, 'redeem-once').expect(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await ledgerOf(t).balances(m.id)).available).toBe(700);
    expect(await r.count('reward_redemptions', 'member_id = $1', [m.id])).toBe(1);

    // Concurrent retries of one request: one redemption, one code.
    const retries = await Promise.all(
      Array.from({ length: 6 }, () => r.redeem(m, reward.id, 'redeem-retry')),
    );
    expect(retries.map((x) => x.status)).toEqual(Array(6).fill(201));
    expect(new Set(retries.map((x) => x.body.code as string)).size).toBe(1);
    expect((await ledgerOf(t).balances(m.id)).available).toBe(400);

    const activity = await t.api().get('/v1/me/activity').set(bearer(m.token)).expect(200);
    expect(activity.body.items[0]).toMatchObject({
      type: 'redeem',
      points: -300,
      description: 'Redeemed 300 points for 5.00 off',
    });
    const missing = await t
      .api()
      .post(`/v1/me/rewards/${reward.id}/redeem`)
      .set(bearer(m.token))
      .expect(400);
    expect(missing.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    await t
      .api()
      .post(`/v1/me/rewards/${reward.id}/redeem`)
      .set(bearer(t.keys.marketer))
      .set('Idempotency-Key', 'staff')
      .expect(403);
    await r.redeem(m, '00000000-0000-4000-8000-000000000000').expect(404);
    await r.redeem(m, 'nope').expect(400);
  });

  it('issues a perk (no code) for service perks and gifts', async () => {
    const perk = await r.create({
      name: 'Free alterations',
      type: 'service_perk',
      pointsCost: 50,
      value: 'One free hem or sleeve alteration',
    });
    const m = await r.funded(50);
    const issued = await r.redeem(m, perk.id).expect(201);
    expect(issued.body).toMatchObject({
      perk: 'One free hem or sleeve alteration',
      pointsSpent: 50,
      balance: { available: 0 },
    });
    expect(issued.body.code).toBeUndefined();
    expect(issued.body.expiresAt).toBeUndefined();
  });

  it('refuses a member who cannot afford it, writing nothing, so the key may be retried', async () => {
    const reward = await r.create({
      name: 'Dear',
      type: 'discount_percent',
      pointsCost: 300,
      value: 10,
      stock: 5,
    });
    const m = await r.funded(299);
    const before = [
      await r.count('ledger_transactions', 'member_id = $1', [m.id]),
      await r.count('idempotent_requests'),
    ];
    const refused = await r.redeem(m, reward.id, 'poor-1').expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'INSUFFICIENT_POINTS',
      details: { requested: 300, available: 299 },
    });
    expect([
      await r.count('ledger_transactions', 'member_id = $1', [m.id]),
      await r.count('idempotent_requests'),
    ]).toEqual(before);
    expect(await r.count('reward_redemptions', 'member_id = $1', [m.id])).toBe(0);
    const [row] = await r.sql('SELECT stock_remaining FROM rewards WHERE id = $1', [reward.id]);
    expect(row?.stock_remaining).toBe(5);
    await ledgerOf(t).credit(m.id, 1);
    await r.redeem(m, reward.id, 'poor-1').expect(201);
  });

  it('gives the last unit to exactly one of five members racing for it', async () => {
    const reward = await r.create({
      name: 'Last ticket',
      type: 'gift',
      pointsCost: 100,
      stock: 1,
    });
    const members = await Promise.all(Array.from({ length: 5 }, () => r.funded(100)));
    const results = await Promise.all(members.map((m) => r.redeem(m, reward.id)));
    const won = results.filter((x) => x.status === 201);
    const lost = results.filter((x) => x.status !== 201);
    expect(won).toHaveLength(1);
    expect(lost.map((x): unknown[] => [x.status, x.body.error.code])).toEqual(
      Array(4).fill([422, 'REWARD_OUT_OF_STOCK']),
    );
    const balances = await Promise.all(members.map((m) => ledgerOf(t).balances(m.id)));
    expect(balances.map((b) => b.available).sort()).toEqual([0, 100, 100, 100, 100]);
    expect(await r.count('reward_redemptions', 'reward_id = $1', [reward.id])).toBe(1);
    const got = await t
      .api()
      .get(`/v1/rewards/${reward.id}`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(got.body.stockRemaining).toBe(0);
  });

  it('holds the per-member limit, also against one member racing themself', async () => {
    const reward = await r.create({
      name: 'Twice only',
      type: 'discount_amount',
      pointsCost: 10,
      value: 100,
      perMemberLimit: 2,
    });
    const m = await r.funded(1000);
    await r.redeem(m, reward.id).expect(201);
    await r.redeem(m, reward.id).expect(201);
    const third = await r.redeem(m, reward.id).expect(422);
    expect(third.body.error).toMatchObject({
      code: 'REWARD_LIMIT_REACHED',
      details: { perMemberLimit: 2 },
    });
    // Another member has their own allowance.
    await r.redeem(await r.funded(10), reward.id).expect(201);

    const once = await r.create({
      name: 'Once only',
      type: 'gift',
      pointsCost: 10,
      perMemberLimit: 1,
    });
    const racer = await r.funded(1000);
    const results = await Promise.all(Array.from({ length: 5 }, () => r.redeem(racer, once.id)));
    expect(results.filter((x) => x.status === 201)).toHaveLength(1);
    expect(
      results.filter((x) => x.status === 422 && x.body.error.code === 'REWARD_LIMIT_REACHED'),
    ).toHaveLength(4);
    expect((await ledgerOf(t).balances(racer.id)).available).toBe(990);
  });

  it('cancels an unused redemption: points back to the same lots, the unit back to stock', async () => {
    const reward = await r.create({
      name: 'Refundable',
      type: 'discount_amount',
      pointsCost: 300,
      value: 300,
      stock: 3,
    });
    const m = await t.member();
    const now = t.clock.now().getTime();
    const soon = await ledgerOf(t).credit(m.id, 200, { expiresAt: new Date(now + 10 * DAY) });
    const later = await ledgerOf(t).credit(m.id, 500, { expiresAt: new Date(now + 100 * DAY) });
    const issued = await r.redeem(m, reward.id).expect(201);
    const remaining = async () =>
      Object.fromEntries(
        (await ledgerOf(t).lots(m.id)).map((l) => [l.transaction_id, l.remaining]),
      );
    // Soonest-expiring first: all of the first lot, 100 of the second.
    expect(await remaining()).toEqual({ [soon.transactionId]: 0, [later.transactionId]: 400 });

    const cancelled = await r.cancel(issued.body.redemptionId).expect(200);
    expect(cancelled.body).toMatchObject({
      redemptionId: issued.body.redemptionId,
      memberId: m.id,
      status: 'cancelled',
      pointsRefunded: 300,
      balance: { available: 700 },
    });
    expect(await remaining()).toEqual({ [soon.transactionId]: 200, [later.transactionId]: 500 });
    const got = await t
      .api()
      .get(`/v1/rewards/${reward.id}`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(got.body.stockRemaining).toBe(3);

    // Again: the same answer, nothing more refunded.
    const again = await r.cancel(issued.body.redemptionId).expect(200);
    expect(again.body).toMatchObject({ status: 'cancelled', balance: { available: 700 } });
    expect((await ledgerOf(t).balances(m.id)).available).toBe(700);
    const activity = await t.api().get('/v1/me/activity').set(bearer(m.token)).expect(200);
    expect(activity.body.items[0]).toMatchObject({
      type: 'reverse',
      points: 300,
      description: '300 points for Refundable given back: the redemption was cancelled',
    });
    // The cancelled coupon no longer counts, and is no longer usable.
    const perks = await r.perks(m);
    expect(perks.find((p) => p.id === issued.body.redemptionId)).toMatchObject({
      status: 'cancelled',
    });

    const none = await r.cancel('00000000-0000-4000-8000-000000000000').expect(404);
    expect(none.body.error.code).toBe('REDEMPTION_NOT_FOUND');
    await t
      .api()
      .post(`/v1/rewards/redemptions/${issued.body.redemptionId}/cancel`)
      .set(bearer(t.keys.cashier))
      .send({})
      .expect(403);
    await t
      .api()
      .post(`/v1/rewards/redemptions/${issued.body.redemptionId}/cancel`)
      .set(bearer(m.token))
      .send({})
      .expect(403);
  });

  it('lets staff mark a perk used, once, and refuses to cancel it then', async () => {
    const perk = await r.create({ name: 'Consultation', type: 'service_perk', pointsCost: 10 });
    const m = await r.funded(10);
    const issued = await r.redeem(m, perk.id).expect(201);
    const use = () =>
      t
        .api()
        .post(`/v1/rewards/redemptions/${issued.body.redemptionId}/use`)
        .set(bearer(t.keys.cashier));
    expect((await use().expect(200)).body).toMatchObject({ status: 'used', perk: 'Consultation' });
    expect((await use().expect(422)).body.error.code).toBe('PERK_NOT_USABLE');
    const refused = await r.cancel(issued.body.redemptionId).expect(422);
    expect(refused.body.error.code).toBe('REDEMPTION_NOT_CANCELLABLE');
  });

  it('grants a reward free (campaigns, birthdays), once per key, taking stock but no points', async () => {
    const reward = await r.create({
      name: 'Birthday latte',
      type: 'free_product',
      pointsCost: 400,
      value: 'LATTE',
      stock: 2,
      perMemberLimit: 1,
      active: false, // not in the catalog: only ever granted
    });
    const m = await t.member();
    const grants = t.app.get(GrantRewardUseCase);
    const dataSource = t.app.get(DataSource);
    const grant = (key: string, rewardId = reward.id) =>
      dataSource.transaction((manager) =>
        grants.grantFree(manager, m.id, rewardId, key, 'birthday'),
      );
    const first = await grant('birthday:2026');
    expect(first).toMatchObject({ pointsSpent: 0, name: 'Birthday latte', replayed: false });
    expect(first.code).toMatch(COUPON_CODE);
    const rerun = await grant('birthday:2026');
    expect(rerun).toEqual({ ...first, replayed: true });
    const other = await r.create({ name: 'x', type: 'gift', pointsCost: 1 });
    await expect(grant('birthday:2026', other.id)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect((await ledgerOf(t).balances(m.id)).available).toBe(0);

    // Over HTTP too (service recovery); a grant does not count towards the redemption limit.
    const post = (key: string) =>
      t
        .api()
        .post(`/v1/rewards/${reward.id}/grants`)
        .set(bearer(t.keys.marketer))
        .set('Idempotency-Key', key)
        .send({ memberId: m.id, reason: 'late delivery' });
    const http = await post('sorry-1').expect(201);
    expect(http.body).toMatchObject({ pointsSpent: 0, replayed: false });
    expect((await post('sorry-1').expect(201)).body).toEqual(http.body);
    const empty = await post('sorry-2').expect(422);
    expect(empty.body.error.code).toBe('REWARD_OUT_OF_STOCK');

    const activity = await t.api().get('/v1/me/activity').set(bearer(m.token)).expect(200);
    expect(activity.body.items.map((i: { type: string; points: number }) => i.type)).toEqual([
      'perk',
      'perk',
    ]);
    expect(activity.body.items[1].description).toBe('A gift from us: Birthday latte (birthday)');
    const perks = await r.perks(m);
    expect(perks.map((p) => [p.source, p.status, p.pointsSpent])).toEqual([
      ['grant', 'active', 0],
      ['grant', 'active', 0],
    ]);
    await t
      .api()
      .post(`/v1/rewards/${reward.id}/grants`)
      .set(bearer(t.keys.marketer))
      .set('Idempotency-Key', 'ghost')
      .send({ memberId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
  });

  it('lists every coupon and perk with its status, expires unused ones, and shows the till the usable ones', async () => {
    const short = await r.create({
      name: 'Short-lived',
      type: 'discount_amount',
      pointsCost: 10,
      value: 100,
      validDays: 2,
    });
    const forever = await r.create({ name: 'Lasting', type: 'gift', pointsCost: 10 });
    const perk = await r.create({
      name: 'Short perk',
      type: 'service_perk',
      pointsCost: 10,
      validDays: 1,
    });
    const m = await r.funded(100);
    const coupon = (await r.redeem(m, short.id).expect(201)).body;
    const cancelled = (await r.redeem(m, short.id).expect(201)).body;
    await r.redeem(m, forever.id).expect(201);
    await r.redeem(m, perk.id).expect(201);
    await r.cancel(cancelled.redemptionId).expect(200);

    const statuses = async (): Promise<Record<string, unknown>[]> =>
      (await r.perks(m)).map((p) => ({ name: p.name, status: p.status }));
    expect(await statuses()).toEqual([
      { name: 'Short perk', status: 'active' },
      { name: 'Lasting', status: 'active' },
      { name: 'Short-lived', status: 'cancelled' },
      { name: 'Short-lived', status: 'active' },
    ]);
    const listed = (await r.perks(m)).find((p) => p.id === coupon.redemptionId);
    expect(listed).toMatchObject({
      code: coupon.code,
      type: 'discount_amount',
      value: 100,
      source: 'redeem',
      pointsSpent: 10,
      expiresAt: coupon.expiresAt,
      usedAt: null,
    });

    t.clock.advanceDays(3);
    await r.retoken(m);
    // Shown as expired at once; the job then records it.
    expect((await statuses()).map((s) => s.status)).toEqual([
      'expired',
      'active',
      'cancelled',
      'expired',
    ]);
    const filtered = await t
      .api()
      .get('/v1/me/perks?status=expired')
      .set(bearer(m.token))
      .expect(200);
    expect(filtered.body.items).toHaveLength(2);
    await t.api().get('/v1/me/perks?status=nope').set(bearer(m.token)).expect(400);

    await t.api().post('/v1/rewards/jobs/expire-coupons').set(bearer(t.keys.marketer)).expect(403);
    const job = await t
      .api()
      .post('/v1/rewards/jobs/expire-coupons')
      .set(bearer(t.keys.admin))
      .expect(200);
    expect(job.body.ran).toBe(true);
    expect(job.body.expired).toBeGreaterThanOrEqual(2);
    const stored = await r.sql<{ status: string }>(
      'SELECT status FROM reward_redemptions WHERE member_id = $1 ORDER BY issued_at, id',
      [m.id],
    );
    expect(stored.map((s) => s.status).sort()).toEqual([
      'active',
      'cancelled',
      'expired',
      'expired',
    ]);
    const rerun = await t
      .api()
      .post('/v1/rewards/jobs/expire-coupons')
      .set(bearer(t.keys.admin))
      .expect(200);
    expect(rerun.body).toEqual({ ran: true, expired: 0 });

    // An expired coupon was never used: it may still be cancelled for its points.
    const refund = await r.cancel(coupon.redemptionId).expect(200);
    expect(refund.body.pointsRefunded).toBe(10);

    // Marketers see the same list; the till only the member's usable codes (/v1/pos/...).
    const staff = await t
      .api()
      .get(`/v1/members/${m.id}/perks`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(staff.body.items).toHaveLength(4);
    await t.api().get(`/v1/members/${m.id}/perks`).set(bearer(t.keys.cashier)).expect(403);
    const usable = staff.body.items.filter((p: { status: string }) => p.status === 'active');
    expect(usable).toHaveLength(1);
    const till = await t
      .api()
      .get(`/v1/pos/members/${m.id}/perks`)
      .set(bearer(t.keys.cashier))
      .expect(200);
    expect(till.body).toEqual({ items: usable, nextCursor: null });
    await t.api().get(`/v1/pos/members/${m.id}/perks`).set(bearer(t.keys.integration)).expect(403);
    const stranger = await t
      .api()
      .get('/v1/pos/members/00000000-0000-4000-8000-000000000000/perks')
      .set(bearer(t.keys.cashier))
      .expect(404);
    expect(stranger.body.error.code).toBe('MEMBER_NOT_FOUND');
    const page = await t.api().get('/v1/me/perks?limit=3').set(bearer(m.token)).expect(200);
    const next = await t
      .api()
      .get(`/v1/me/perks?limit=3&cursor=${page.body.nextCursor}`)
      .set(bearer(m.token))
      .expect(200);
    expect([...page.body.items, ...next.body.items].map((p: { id: string }) => p.id)).toEqual(
      staff.body.items.map((p: { id: string }) => p.id),
    );
  });
});
