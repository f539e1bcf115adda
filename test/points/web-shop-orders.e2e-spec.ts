import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';

const DAY = 86_400_000;

describe('a web shop records its orders, also late', () => {
  let t: TestApp;
  let seq = 0;
  const order = (m: TestMember, extra: Record<string, unknown> = {}) => ({
    member: { id: m.id },
    orderId: `web-${++seq}-${Date.now()}`,
    channel: 'online',
    lines: [{ sku: 'BOOK-1', quantity: 2, unitPrice: 2100 }],
    ...extra,
  });
  const post = (path: string, key: string, body: Record<string, unknown>) =>
    t.api().post(path).set(bearer(key)).set('Idempotency-Key', `web-k-${++seq}`).send(body);
  const checkout = (key: string, body: Record<string, unknown>) =>
    post('/v1/pos/checkouts', key, body);
  const giveBack = (key: string, orderId: string) =>
    post('/v1/pos/returns', key, { orderId, lines: [{ sku: 'BOOK-1', quantity: 1 }] });
  const newKey = async (role: string, storeId?: string): Promise<string> =>
    (
      await t
        .api()
        .post('/v1/api-keys')
        .set(bearer(t.keys.admin))
        .send({ name: `web ${++seq}`, role, ...(storeId ? { storeId } : {}) })
        .expect(201)
    ).body.key as string;
  const count = async (table: string): Promise<number> =>
    Number((await ledgerOf(t).dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const storeOf = async (orderId: string): Promise<string | null> =>
    (
      await ledgerOf(t).dataSource.query('SELECT store_id FROM orders WHERE order_id = $1', [
        orderId,
      ])
    )[0].store_id as string | null;
  const earnLot = async (m: TestMember) =>
    (
      await ledgerOf(t).dataSource.query<
        { state: string; available_at: Date; expires_at: Date | null }[]
      >(
        `SELECT l.state, l.available_at, l.expires_at FROM ledger_lots l
         JOIN ledger_transactions x ON x.member_id = l.member_id AND x.id = l.transaction_id
         WHERE l.member_id = $1 AND x.kind = 'earn'`,
        [m.id],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    await t
      .api()
      .post('/v1/earning-rules')
      .set(bearer(t.keys.marketer))
      .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
      .expect(201);
    const program = await t.api().get('/v1/program').set(bearer(t.keys.marketer)).expect(200);
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ ...program.body, pointsPendingDays: 14, pointsExpiryDays: 365 })
      .expect(200);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('lets an integration key record, simulate and return online and app orders', async () => {
    const m = await t.member();
    const online = order(m);
    const sold = await checkout(t.keys.integration, online).expect(201);
    expect(sold.body).toMatchObject({ total: 4200, pointsEarned: 42, pointsPending: 42 });
    expect(await storeOf(online.orderId)).toBeNull();
    await checkout(t.keys.integration, order(m, { channel: 'app' })).expect(201);
    await t
      .api()
      .post('/v1/pos/checkouts/simulate')
      .set(bearer(t.keys.integration))
      .send(order(m, { channel: 'app' }))
      .expect(200);
    const returned = await giveBack(t.keys.integration, online.orderId).expect(201);
    expect(returned.body.pointsReversed).toBe(21);
  });

  it("keeps an integration key off the till's channel: store orders and their returns", async () => {
    const m = await t.member();
    const before = [await count('orders'), await count('ledger_transactions')];
    for (const path of ['/v1/pos/checkouts', '/v1/pos/checkouts/simulate']) {
      const refused = await post(path, t.keys.integration, order(m, { channel: 'store' })).expect(
        403,
      );
      expect(refused.body.error).toMatchObject({
        code: 'CHANNEL_NOT_ALLOWED',
        details: { channel: 'store', allowed: ['online', 'app'] },
      });
    }
    expect([await count('orders'), await count('ledger_transactions')]).toEqual(before);
    // A store order the till recorded is the till's to return.
    const atTill = order(m, { channel: 'store' });
    await checkout(t.keys.cashier, atTill).expect(201);
    const refused = await giveBack(t.keys.integration, atTill.orderId).expect(403);
    expect(refused.body.error.code).toBe('CHANNEL_NOT_ALLOWED');
    await giveBack(t.keys.cashier, atTill.orderId).expect(201);
    // Marketers still record no orders.
    await checkout(t.keys.marketer, order(m)).expect(403);
  });

  it('binds an integration key created with a storeId to that store, like a cashier', async () => {
    const m = await t.member();
    const eu = await newKey('integration', 'web-eu');
    const us = await newKey('integration', 'web-us');
    const mine = order(m);
    await checkout(eu, mine).expect(201);
    expect(await storeOf(mine.orderId)).toBe('web-eu');
    const elsewhere = await checkout(eu, order(m, { storeId: 'web-us' })).expect(403);
    expect(elsewhere.body.error).toMatchObject({
      code: 'STORE_MISMATCH',
      details: { storeId: 'web-eu' },
    });
    const theirs = order(m);
    await checkout(us, theirs).expect(201);
    expect((await giveBack(eu, theirs.orderId).expect(403)).body.error.code).toBe('STORE_MISMATCH');
    // A key returns its own store's orders; an unbound web shop key is held to no store.
    await giveBack(eu, mine.orderId).expect(201);
    await giveBack(t.keys.integration, theirs.orderId).expect(201);
  });

  it('starts the pending period of a backdated order at the purchase, as the import does', async () => {
    const now = t.clock.now().getTime();
    // Bought five days ago, synced now: pending for the nine days left of the return window.
    const m = await t.member();
    const boughtAt = new Date(now - 5 * DAY);
    const late = await checkout(
      t.keys.integration,
      order(m, { occurredAt: boughtAt.toISOString() }),
    ).expect(201);
    const until = new Date(boughtAt.getTime() + 14 * DAY);
    expect(late.body).toMatchObject({ pointsEarned: 42, pointsPending: 42 });
    expect(late.body.messages).toContain(
      `42 points are pending until ${until.toISOString().slice(0, 10)} (the return window).`,
    );
    const lot = await earnLot(m);
    expect(lot?.state).toBe('pending');
    expect(lot?.available_at.getTime()).toBe(until.getTime());
    expect(lot?.expires_at?.getTime()).toBe(until.getTime() + 365 * DAY);

    // Bought a month ago: the window has passed, the points are available at once, and they
    // expire a full period from now rather than arriving half spent.
    const old = await t.member();
    const month = await checkout(
      t.keys.integration,
      order(old, { occurredAt: new Date(now - 30 * DAY).toISOString() }),
    ).expect(201);
    expect(month.body).toMatchObject({
      pointsEarned: 42,
      pointsPending: 0,
      balance: { available: 42, pending: 0 },
    });
    expect(month.body.messages.join(' ')).not.toMatch(/pending/);
    const oldLot = await earnLot(old);
    expect(oldLot?.state).toBe('available');
    expect(oldLot?.expires_at?.getTime()).toBe(now + 365 * DAY);

    // The simulation says the same.
    const simulated = await t
      .api()
      .post('/v1/pos/checkouts/simulate')
      .set(bearer(t.keys.integration))
      .send(order(m, { occurredAt: boughtAt.toISOString() }))
      .expect(200);
    expect(simulated.body.messages).toContain(
      `42 points are pending until ${until.toISOString().slice(0, 10)} (the return window).`,
    );

    // The release job frees the backdated points when its window ends, not 14 days from now.
    t.clock.set(new Date(until.getTime() + 1000));
    await t.api().post('/v1/ledger/jobs/release-pending').set(bearer(t.keys.admin)).expect(200);
    expect(await ledgerOf(t).balances(m.id)).toEqual({ available: 42, pending: 0 });
    t.clock.set(new Date(now));
  });

  it('refuses an order from the future beyond a little clock skew', async () => {
    const m = await t.member();
    const now = t.clock.now().getTime();
    const ahead = await checkout(
      t.keys.integration,
      order(m, { occurredAt: new Date(now + 60 * 60_000).toISOString() }),
    ).expect(400);
    expect(ahead.body.error.code).toBe('VALIDATION_FAILED');
    await checkout(
      t.keys.integration,
      order(m, { occurredAt: new Date(now + 2 * 60_000).toISOString() }),
    ).expect(201);
  });
});
