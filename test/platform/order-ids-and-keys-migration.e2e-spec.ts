import { DataSource } from 'typeorm';
import { OrderIdLookupAndMemberScopedIdempotency1796055083029 as Migration } from '../../migrations/1796055083029-OrderIdLookupAndMemberScopedIdempotency';
import { bearer, TestApp } from '../support/test-app';
import {
  closeAfterBalancedAudit,
  startAppEarningOnePointPerUnit,
} from '../support/base-earning-rule';
import { ledgerOf, nextKey } from '../support/ledger-helpers';

/**
 * Upgrading a program that has orders and idempotency keys: every order id gets its lookup row,
 * and every stored answer its member, so that a retry sent before the upgrade replays after it.
 */
describe('the migration to order_ids and per-member idempotency keys', () => {
  let t: TestApp;
  let dataSource: DataSource;
  const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> =>
    dataSource.query<T[]>(query, params);
  const migrate = async (step: 'up' | 'down'): Promise<void> => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await new Migration()[step](runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    t = await startAppEarningOnePointPerUnit();
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => closeAfterBalancedAudit(t));

  it('attributes every stored answer to its member and replays it after the upgrade', async () => {
    const a = await t.member();
    const b = await t.member();
    await ledgerOf(t).credit(a.id, 500);
    const reward = (
      await t
        .api()
        .post('/v1/rewards')
        .set(bearer(t.keys.marketer))
        .send({ name: 'Cookie', type: 'gift', pointsCost: 20 })
        .expect(201)
    ).body.id as string;
    const order = (id: string) => ({
      member: { id: a.id },
      orderId: id,
      channel: 'store',
      lines: [{ sku: 'A', quantity: 2, unitPrice: 1000 }],
    });
    const requests: { path: string; as: string; key: string; body: Record<string, unknown> }[] = [
      { path: '/v1/pos/checkouts', as: t.keys.cashier, body: order(nextKey('o')) },
      { path: '/v1/pos/checkouts', as: t.keys.cashier, body: order(nextKey('o')) },
      {
        path: `/v1/members/${a.id}/adjustments`,
        as: t.keys.marketer,
        body: { points: 5, reason: 'goodwill' },
      },
      {
        path: `/v1/members/${b.id}/adjustments`,
        as: t.keys.marketer,
        body: { points: 7, reason: 'goodwill' },
      },
      { path: `/v1/me/rewards/${reward}/redeem`, as: a.token, body: {} },
      {
        path: '/v1/pos/redemptions',
        as: t.keys.cashier,
        body: { member: { id: a.id }, rewardId: reward },
      },
      { path: `/v1/rewards/${reward}/grants`, as: t.keys.marketer, body: { memberId: b.id } },
    ].map((r) => ({ ...r, key: nextKey('pre-upgrade') }));
    const send = (r: (typeof requests)[number]) =>
      t.api().post(r.path).set(bearer(r.as)).set('Idempotency-Key', r.key).send(r.body);
    const answers: unknown[] = [];
    for (const r of requests) {
      answers.push((await send(r).expect(201)).body);
    }
    const returned = {
      path: '/v1/pos/returns',
      as: t.keys.cashier,
      key: nextKey('pre-upgrade'),
      body: { orderId: requests[0]?.body.orderId, lines: [{ sku: 'A', quantity: 1 }] },
    };
    requests.push(returned);
    answers.push((await send(returned).expect(201)).body);

    const keys = 'SELECT member_id, scope, key FROM idempotent_requests ORDER BY scope, key';
    const lookups = 'SELECT order_id, member_id, order_uuid FROM order_ids ORDER BY order_id';
    const keysBefore = await sql(keys);
    const lookupsBefore = await sql(lookups);
    expect(keysBefore).toHaveLength(requests.length);
    expect(lookupsBefore).toHaveLength(2);

    await migrate('down');
    expect(
      await sql("SELECT 1 FROM pg_indexes WHERE indexname = 'uq_orders_order_id'"),
    ).toHaveLength(1);
    expect(await sql("SELECT to_regclass('order_ids') AS t")).toEqual([{ t: null }]);
    // Answers stored by older versions: a checkout's without memberId (found by its order), an
    // adjustment's without it (found by its ledger transaction), and one that names no member.
    const [second, , , adjustB] = requests;
    await sql(
      `UPDATE idempotent_requests SET response = response - 'memberId' WHERE key = ANY($1)`,
      [[second?.key, adjustB?.key]],
    );
    await sql(
      `INSERT INTO idempotent_requests (scope, key, request_hash, response)
       VALUES ('legacy:x', 'k-1', 'h', '{"ok": true}')`,
    );

    await migrate('up');
    expect(await sql(keys)).toEqual(keysBefore);
    expect(await sql(lookups)).toEqual(lookupsBefore);
    expect(await sql("SELECT 1 FROM pg_indexes WHERE indexname = 'uq_orders_order_id'")).toEqual(
      [],
    );

    const writes = () =>
      sql(
        'SELECT (SELECT count(*) FROM ledger_transactions) AS l, (SELECT count(*) FROM orders) AS o',
      );
    const before = await writes();
    for (const [i, r] of requests.entries()) {
      const again = (await send(r).expect(201)).body as Record<string, unknown>;
      const first = answers[i] as Record<string, unknown>;
      const stripped = r === second || r === adjustB;
      expect(again).toEqual(stripped ? { ...first, memberId: undefined } : first);
    }
    expect(await writes()).toEqual(before);
    // An order id from before the upgrade is still taken.
    const [firstCheckout] = requests;
    if (!firstCheckout) {
      throw new Error('no checkout sent');
    }
    const taken = await send({ ...firstCheckout, key: nextKey('after') }).expect(409);
    expect(taken.body.error.code).toBe('ORDER_EXISTS');
  });

  it('undoes it keeping, of a key used for several members, the first answer', async () => {
    const a = await t.member();
    const b = await t.member();
    const key = nextKey('shared');
    for (const m of [a, b]) {
      await t
        .api()
        .post(`/v1/members/${m.id}/adjustments`)
        .set(bearer(t.keys.marketer))
        .set('Idempotency-Key', key)
        .send({ points: 3, reason: 'goodwill' })
        .expect(201);
    }
    await migrate('down');
    const kept = await sql<{ member_id: string }>(
      `SELECT response->>'memberId' AS member_id FROM idempotent_requests WHERE key = $1`,
      [key],
    );
    expect(kept).toEqual([{ member_id: a.id }]);
    await migrate('up');
  });
});
