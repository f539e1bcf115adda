import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';

type ReturnLine = { sku: string; quantity: number };
/** Every unit of coffeeOrder() below. */
const WHOLE_COFFEE_ORDER: ReturnLine[] = [
  { sku: 'COF-1', quantity: 2 },
  { sku: 'PAS-1', quantity: 1 },
];

describe('checkout at the till', () => {
  let t: TestApp;
  let seq = 0;
  const orderId = (): string => `o-${++seq}-${Date.now()}`;
  const rule = async (body: Record<string, unknown>): Promise<string> =>
    (
      (await t.api().post('/v1/earning-rules').set(bearer(t.keys.marketer)).send(body).expect(201))
        .body as { id: string }
    ).id;
  const checkout = (body: Record<string, unknown>, key = `k-${++seq}`) =>
    t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', key)
      .send(body);
  const coffeeOrder = (m: TestMember, extra: Record<string, unknown> = {}) => ({
    member: { id: m.id },
    orderId: orderId(),
    channel: 'store',
    lines: [
      { sku: 'COF-1', category: 'coffee', quantity: 2, unitPrice: 1000 },
      { sku: 'PAS-1', category: 'pastry', quantity: 1, unitPrice: 550 },
    ],
    ...extra,
  });
  const giveBack = (orderId: string, lines: ReturnLine[], key = `ret-${++seq}`) =>
    t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', key)
      .send({ orderId, lines });
  const count = async (table: string): Promise<number> =>
    Number((await ledgerOf(t).dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    await rule({ name: 'Base: 1 point per dollar', priority: 0, effect: { pointsPerUnit: 1 } });
    await rule({
      name: 'Double on coffee',
      priority: 10,
      conditions: { categories: ['coffee'] },
      effect: { multiplier: 2 },
    });
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('earns per line: floor of the base, then the category multiplier, and explains it', async () => {
    const m = await t.member();
    const body = coffeeOrder(m);
    const response = await checkout(body).expect(201);
    // coffee: 2 × 10.00 → 20 base + 20 doubled; pastry 5.50 → 5 base.
    expect(response.body).toMatchObject({
      orderId: body.orderId,
      subtotal: 2550,
      discount: 0,
      total: 2550,
      pointsEarned: 45,
      pointsRedeemed: 0,
      balance: { available: 45, pending: 0 },
    });
    expect(
      response.body.appliedRules.map((r: { name: string; points: number }) => [r.name, r.points]),
    ).toEqual([
      ['Base: 1 point per dollar', 25],
      ['Double on coffee', 20],
    ]);
    const activity = await t.api().get('/v1/me/activity').set(bearer(m.token)).expect(200);
    expect(activity.body.items[0].description).toBe(
      `Earned 45 points on order ${body.orderId}: Base: 1 point per dollar, Double on coffee`,
    );
  });

  it('finds the member by card number or phone, on any channel, into one history', async () => {
    const m = await t.member({ phone: '+15550009999' });
    await checkout({
      ...coffeeOrder(m),
      member: { cardNumber: m.cardNumber },
      channel: 'online',
    }).expect(201);
    await checkout({
      ...coffeeOrder(m),
      member: { phone: '+1 555 000 9999' },
      channel: 'app',
    }).expect(201);
    const activity = await t
      .api()
      .get(`/v1/members/${m.id}/activity`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(activity.body.items).toHaveLength(2);
  });

  it('simulates without writing anything', async () => {
    const m = await t.member();
    const before = [
      await count('orders'),
      await count('ledger_transactions'),
      await count('idempotent_requests'),
    ];
    const response = await t
      .api()
      .post('/v1/pos/checkouts/simulate')
      .set(bearer(t.keys.cashier))
      .send(coffeeOrder(m))
      .expect(200);
    expect(response.body).toMatchObject({ checkoutId: null, pointsEarned: 45 });
    expect([
      await count('orders'),
      await count('ledger_transactions'),
      await count('idempotent_requests'),
    ]).toEqual(before);
  });

  it("simulates each line's points and the rules that gave them", async () => {
    const m = await t.member();
    const response = await t
      .api()
      .post('/v1/pos/checkouts/simulate')
      .set(bearer(t.keys.admin))
      .send(coffeeOrder(m))
      .expect(200);
    const ruleName = new Map(
      (response.body.appliedRules as { ruleId: string; name: string }[]).map((r) => [
        r.ruleId,
        r.name,
      ]),
    );
    expect(
      (
        response.body.lines as {
          index: number;
          sku: string;
          basePoints: number;
          points: number;
          appliedRuleIds: string[];
        }[]
      ).map((line) => [
        line.index,
        line.sku,
        line.basePoints,
        line.points,
        line.appliedRuleIds.map((id) => ruleName.get(id)),
      ]),
    ).toEqual([
      [0, 'COF-1', 20, 40, ['Base: 1 point per dollar', 'Double on coffee']],
      [1, 'PAS-1', 5, 5, ['Base: 1 point per dollar']],
    ]);
  });

  it('earns once for 10 concurrent retries of one checkout', async () => {
    const m = await t.member();
    const body = coffeeOrder(m);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => checkout(body, `retry-${body.orderId}`)),
    );
    for (const r of responses) {
      expect(r.status).toBe(201);
    }
    expect(new Set(responses.map((r) => r.body.checkoutId as string)).size).toBe(1);
    expect((await ledgerOf(t).balances(m.id)).available).toBe(45);
  });

  it('answers 409 for a reused key with another body, and for a second checkout of an order', async () => {
    const m = await t.member();
    const body = coffeeOrder(m);
    await checkout(body, `reuse-${body.orderId}`).expect(201);
    const reused = await checkout({ ...body, channel: 'online' }, `reuse-${body.orderId}`).expect(
      409,
    );
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const again = await checkout(body, `other-${body.orderId}`).expect(409);
    expect(again.body.error.code).toBe('ORDER_EXISTS');
  });

  it('refuses to redeem more than the balance, writing nothing, so the order can be retried', async () => {
    const m = await t.member();
    await checkout(coffeeOrder(m)).expect(201); // 45 points
    const body = coffeeOrder(m, { redeemPoints: 100 });
    const ordersBefore = await count('orders');
    const refused = await checkout(body, `redeem-${body.orderId}`).expect(422);
    expect(refused.body.error.code).toBe('INSUFFICIENT_POINTS');
    expect(await count('orders')).toBe(ordersBefore);
    const ok = await checkout({ ...body, redeemPoints: 40 }, `redeem-${body.orderId}`).expect(201);
    // 40 points pay 0.40; points are earned on what was paid: coffee 1968 → 19 + 19, pastry 542 → 5.
    expect(ok.body).toMatchObject({
      discount: 40,
      total: 2510,
      pointsRedeemed: 40,
      pointsEarned: 43,
    });
    expect(ok.body.balance.available).toBe(45 - 40 + 43);
  });

  it('answers 404 for an unknown member and 400 for an ambiguous one', async () => {
    const missing = await checkout({
      ...coffeeOrder({ id: '00000000-0000-4000-8000-000000000000' } as TestMember),
    }).expect(404);
    expect(missing.body.error.code).toBe('MEMBER_NOT_FOUND');
    // 36 characters of the id's alphabet, but no UUID: still "not found", not a database error.
    const malformed = await checkout({
      ...coffeeOrder({ id: '-'.repeat(36) } as TestMember),
    }).expect(404);
    expect(malformed.body.error.code).toBe('MEMBER_NOT_FOUND');
    for (const member of [{ cardNumber: '7426000000000000' }, { phone: '+15550000000' }]) {
      const unknown = await checkout({ ...coffeeOrder({} as TestMember), member }).expect(404);
      expect(unknown.body.error.code).toBe('MEMBER_NOT_FOUND');
    }
    const m = await t.member();
    await checkout({ ...coffeeOrder(m), member: { id: m.id, cardNumber: m.cardNumber } }).expect(
      400,
    );
  });

  it('keeps member tokens, marketers and other stores off the till', async () => {
    const m = await t.member();
    await t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(m.token))
      .set('Idempotency-Key', 'x')
      .send(coffeeOrder(m))
      .expect(403);
    await t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.marketer))
      .set('Idempotency-Key', 'y')
      .send(coffeeOrder(m))
      .expect(403);
    const other = await checkout(coffeeOrder(m, { storeId: 'store-2' })).expect(403);
    expect(other.body.error.code).toBe('STORE_MISMATCH');
    await t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .send(coffeeOrder(m))
      .expect(400);
  });

  it("keeps a cashier to its own store's orders for returns", async () => {
    const m = await t.member();
    const body = coffeeOrder(m, { storeId: 'store-2' });
    await t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.admin))
      .set('Idempotency-Key', `k-${++seq}`)
      .send(body)
      .expect(201);
    const balance = async (): Promise<unknown> =>
      (await t.api().get('/v1/me').set(bearer(m.token)).expect(200)).body.points;
    const before = await balance();
    const refused = await giveBack(body.orderId, WHOLE_COFFEE_ORDER).expect(403);
    expect(refused.body.error.code).toBe('STORE_MISMATCH');
    expect(await balance()).toEqual(before);
    const store2 = await t
      .api()
      .post('/v1/api-keys')
      .set(bearer(t.keys.admin))
      .send({ name: 'Till 1, store 2', role: 'cashier', storeId: 'store-2' })
      .expect(201);
    const returned = await t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(store2.body.key as string))
      .set('Idempotency-Key', `ret-${++seq}`)
      .send({ orderId: body.orderId, lines: WHOLE_COFFEE_ORDER })
      .expect(201);
    expect(returned.body.pointsReversed).toBe(45);
  });

  it('returns in parts, never reversing more than the order earned', async () => {
    const m = await t.member();
    const body = coffeeOrder(m);
    await checkout(body).expect(201); // 45
    const ret = (lines: ReturnLine[]) => giveBack(body.orderId, lines);
    const first = await ret([{ sku: 'COF-1', quantity: 1 }]).expect(201);
    expect(first.body).toMatchObject({ pointsReversed: 20, balance: { available: 25 } });
    const over = await ret([{ sku: 'COF-1', quantity: 2 }]).expect(422);
    expect(over.body.error).toMatchObject({
      code: 'RETURN_EXCEEDS_PURCHASE',
      details: { sku: 'COF-1', returnable: 1 },
    });
    await ret([{ sku: 'NOPE', quantity: 1 }]).expect(422);
    const rest = await ret([
      { sku: 'COF-1', quantity: 1 },
      { sku: 'PAS-1', quantity: 1 },
    ]).expect(201);
    expect(rest.body).toMatchObject({ pointsReversed: 25, balance: { available: 0 } });
    await ret([{ sku: 'PAS-1', quantity: 1 }]).expect(422);
    const missing = await giveBack('no-such', [{ sku: 'A', quantity: 1 }], 'none').expect(404);
    expect(missing.body.error.code).toBe('ORDER_NOT_FOUND');
  });

  it('takes pending points first, refunds redeemed points in proportion, and may leave a debt', async () => {
    const m = await t.member();
    await checkout(coffeeOrder(m)).expect(201); // 45 available
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ pointsPendingDays: 14 })
      .expect(200);
    try {
      const body = coffeeOrder(m, { redeemPoints: 40 });
      const bought = await checkout(body).expect(201);
      expect(bought.body).toMatchObject({
        pointsEarned: 43,
        pointsPending: 43,
        balance: { available: 5, pending: 43 },
      });
      const ret = await giveBack(body.orderId, WHOLE_COFFEE_ORDER, `pend-${body.orderId}`).expect(
        201,
      );
      expect(ret.body).toMatchObject({
        pointsReversed: 43,
        pointsRefunded: 40,
        balance: { available: 45, pending: 0 },
      });
    } finally {
      await t
        .api()
        .put('/v1/program')
        .set(bearer(t.keys.marketer))
        .send({ pointsPendingDays: 0 })
        .expect(200);
    }

    // Spend the points of an order, then return it: the member owes them.
    const spender = await t.member();
    const body = coffeeOrder(spender);
    await checkout(body).expect(201); // 45
    await checkout(coffeeOrder(spender, { redeemPoints: 45 })).expect(201); // spends 45, earns 43
    const full = await giveBack(body.orderId, WHOLE_COFFEE_ORDER, `debt-${body.orderId}`).expect(
      201,
    );
    expect(full.body).toMatchObject({ pointsReversed: 45, balance: { available: 43 - 45 } });
  });
});
