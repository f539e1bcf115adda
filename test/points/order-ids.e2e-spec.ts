import { DataSource } from 'typeorm';
import { bearer, TestApp, TestMember } from '../support/test-app';
import {
  closeAfterBalancedAudit,
  startAppEarningOnePointPerUnit,
} from '../support/base-earning-rule';
import { ledgerOf, nextKey } from '../support/ledger-helpers';

/** Merchant order ids stay unique in the program through the order_ids lookup table. */
describe('merchant order ids', () => {
  let t: TestApp;
  let seq = 0;
  const orderId = (): string => `oid-${process.pid}-${++seq}-${Date.now()}`;
  const checkout = (body: Record<string, unknown>, key = nextKey('oid')) =>
    t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', key)
      .send(body);
  const order = (member: Record<string, unknown>, id = orderId(), extra = {}) => ({
    member,
    orderId: id,
    channel: 'store',
    lines: [{ sku: 'COF-1', quantity: 2, unitPrice: 1000 }],
    ...extra,
  });
  const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> =>
    t.app.get(DataSource).query<T[]>(query, params);
  const lookupRow = async (id: string) =>
    (
      await sql<{ member_id: string; order_uuid: string }>(
        'SELECT member_id, order_uuid FROM order_ids WHERE order_id = $1',
        [id],
      )
    )[0];
  /** Everything a checkout writes for a member, counted. */
  const writesOf = async (m: TestMember) =>
    (
      await sql<{ orders: number; transactions: number; keys: number; order_ids: number }>(
        `SELECT (SELECT count(*)::int FROM orders WHERE member_id = $1) AS orders,
                (SELECT count(*)::int FROM ledger_transactions WHERE member_id = $1) AS transactions,
                (SELECT count(*)::int FROM idempotent_requests WHERE member_id = $1) AS keys,
                (SELECT count(*)::int FROM order_ids WHERE member_id = $1) AS order_ids`,
        [m.id],
      )
    )[0];

  beforeAll(async () => {
    t = await startAppEarningOnePointPerUnit();
  });
  afterAll(() => closeAfterBalancedAudit(t));

  it('records whose order an order id is, in the checkout that writes the order', async () => {
    const m = await t.member();
    const body = order({ cardNumber: m.cardNumber });
    const done = await checkout(body).expect(201);
    expect(await lookupRow(body.orderId)).toEqual({
      member_id: m.id,
      order_uuid: done.body.checkoutId,
    });
    expect(await writesOf(m)).toEqual({ orders: 1, transactions: 1, keys: 1, order_ids: 1 });
  });

  it('answers 409 ORDER_EXISTS for an order id used again, for the same or another member, and writes nothing', async () => {
    const a = await t.member();
    const b = await t.member();
    const body = order({ id: a.id });
    await checkout(body).expect(201);
    const again = await checkout(body).expect(409);
    expect(again.body.error).toMatchObject({
      code: 'ORDER_EXISTS',
      details: { orderId: body.orderId },
    });
    const key = nextKey('other-member');
    const forB = await checkout(order({ id: b.id }, body.orderId), key).expect(409);
    expect(forB.body.error.code).toBe('ORDER_EXISTS');
    expect(await writesOf(b)).toEqual({ orders: 0, transactions: 0, keys: 0, order_ids: 0 });
    expect((await ledgerOf(t).balances(b.id)).available).toBe(0);
    expect((await lookupRow(body.orderId))?.member_id).toBe(a.id);
    // Nothing of the refused checkout stayed, its key either: the till may retry it corrected.
    await checkout(order({ id: b.id }), key).expect(201);
    expect(await writesOf(b)).toEqual({ orders: 1, transactions: 1, keys: 1, order_ids: 1 });
  });

  it('lets one of two racing checkouts of an order id through, for one member or two', async () => {
    const a = await t.member();
    const b = await t.member();
    const sameMember = order({ id: a.id });
    const one = await Promise.all([checkout(sameMember), checkout(sameMember)]);
    expect(one.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(one.find((r) => r.status === 409)?.body.error.code).toBe('ORDER_EXISTS');

    const id = orderId();
    const two = await Promise.all([
      checkout(order({ id: a.id }, id)),
      checkout(order({ cardNumber: b.cardNumber }, id)),
    ]);
    expect(two.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(two.find((r) => r.status === 409)?.body.error.code).toBe('ORDER_EXISTS');
    const winner = two.find((r) => r.status === 201)?.body as { memberId: string };
    expect((await lookupRow(id))?.member_id).toBe(winner.memberId);
    const orders = await sql<{ member_id: string }>(
      'SELECT member_id FROM orders WHERE order_id = $1',
      [id],
    );
    expect(orders).toEqual([{ member_id: winner.memberId }]);
    // Each member earned on exactly the orders that stood: 20 points per order.
    const earned = [(await writesOf(a))!.orders * 20, (await writesOf(b))!.orders * 20];
    expect([
      (await ledgerOf(t).balances(a.id)).pending + (await ledgerOf(t).balances(a.id)).available,
      (await ledgerOf(t).balances(b.id)).pending + (await ledgerOf(t).balances(b.id)).available,
    ]).toEqual(earned);
  });

  it('leaves no lookup row behind a checkout that rolled back', async () => {
    const m = await t.member();
    const body = order({ id: m.id }, orderId(), { redeemPoints: 100 });
    const refused = await checkout(body).expect(422);
    expect(refused.body.error.code).toBe('INSUFFICIENT_POINTS');
    expect(await lookupRow(body.orderId)).toBeUndefined();
    expect(await writesOf(m)).toEqual({ orders: 0, transactions: 0, keys: 0, order_ids: 0 });
    await checkout({ ...body, redeemPoints: undefined }).expect(201);
    expect((await lookupRow(body.orderId))?.member_id).toBe(m.id);
  });

  it('returns by order id: the order is found through its lookup row', async () => {
    const m = await t.member();
    const body = order({ id: m.id });
    const done = await checkout(body).expect(201);
    expect(done.body.pointsEarned).toBe(20);
    const giveBack = (lines: unknown[], key: string) =>
      t
        .api()
        .post('/v1/pos/returns')
        .set(bearer(t.keys.cashier))
        .set('Idempotency-Key', key)
        .send({ orderId: body.orderId, lines });
    const key = nextKey('return');
    const returned = await giveBack([{ sku: 'COF-1', quantity: 1 }], key).expect(201);
    expect(returned.body).toMatchObject({ orderId: body.orderId, pointsReversed: 10 });
    expect((await giveBack([{ sku: 'COF-1', quantity: 1 }], key).expect(201)).body).toEqual(
      returned.body,
    );
    const rest = await giveBack([{ sku: 'COF-1', quantity: 1 }], nextKey('return')).expect(201);
    expect(rest.body.pointsReversed).toBe(10);
    const tooMany = await giveBack([{ sku: 'COF-1', quantity: 1 }], nextKey('return')).expect(422);
    expect(tooMany.body.error.code).toBe('RETURN_EXCEEDS_PURCHASE');
    const balance = await ledgerOf(t).balances(m.id);
    expect(balance.available + balance.pending).toBe(0);
    const unknown = await t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', nextKey('return'))
      .send({ orderId: 'never-checked-out', lines: [{ sku: 'COF-1', quantity: 1 }] })
      .expect(404);
    expect(unknown.body.error.code).toBe('ORDER_NOT_FOUND');
  });
});
