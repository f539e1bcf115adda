import { DataSource } from 'typeorm';
import { bearer, TestApp, TestMember } from '../support/test-app';
import {
  closeAfterBalancedAudit,
  startAppEarningOnePointPerUnit,
} from '../support/base-earning-rule';
import { ledgerOf, nextKey } from '../support/ledger-helpers';

/**
 * An Idempotency-Key is unique per member: a repeat for the same member replays the first
 * answer, another body for the same member is 409 IDEMPOTENCY_KEY_REUSED, and the same key for
 * another member is another request.
 */
describe('Idempotency-Keys, per member', () => {
  let t: TestApp;
  let seq = 0;
  const orderId = (): string => `idem-${process.pid}-${++seq}-${Date.now()}`;
  const post = (path: string, key: string, body: Record<string, unknown>, as: string) =>
    t.api().post(path).set(bearer(as)).set('Idempotency-Key', key).send(body);
  const checkout = (key: string, member: Record<string, unknown>, id = orderId()) =>
    post(
      '/v1/pos/checkouts',
      key,
      {
        member,
        orderId: id,
        channel: 'store',
        lines: [{ sku: 'A', quantity: 1, unitPrice: 1000 }],
      },
      t.keys.cashier,
    );
  const keysOf = async (m: TestMember): Promise<{ scope: string; key: string }[]> =>
    t.app
      .get(DataSource)
      .query('SELECT scope, key FROM idempotent_requests WHERE member_id = $1 ORDER BY scope', [
        m.id,
      ]);
  const total = async (m: TestMember): Promise<number> => {
    const b = await ledgerOf(t).balances(m.id);
    return b.available + b.pending;
  };
  const reward = async (name: string, pointsCost: number): Promise<string> =>
    (
      await t
        .api()
        .post('/v1/rewards')
        .set(bearer(t.keys.marketer))
        .send({ name, type: 'gift', pointsCost })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    t = await startAppEarningOnePointPerUnit();
  });
  afterAll(() => closeAfterBalancedAudit(t));

  it('checkout: replays per member, refuses another body, and takes the key again for another member', async () => {
    const a = await t.member({ phone: '+15550007001' });
    const b = await t.member();
    const key = nextKey('till');
    const first = await checkout(key, { id: a.id }).expect(201);
    const forB = await checkout(key, { cardNumber: b.cardNumber }).expect(201);
    expect(forB.body.memberId).toBe(b.id);
    expect(forB.body.checkoutId).not.toBe(first.body.checkoutId);
    const replay = await checkout(key, { id: a.id }, first.body.orderId).expect(201);
    expect(replay.body).toEqual(first.body);
    const reused = await checkout(key, { id: a.id }).expect(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Named by phone it is the same member, and another body (the member is named otherwise).
    const byPhone = await post(
      '/v1/pos/checkouts',
      key,
      {
        member: { phone: '+1 555 000 7001' },
        orderId: first.body.orderId,
        channel: 'store',
        lines: [{ sku: 'A', quantity: 1, unitPrice: 1000 }],
      },
      t.keys.cashier,
    ).expect(409);
    expect(byPhone.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect([await total(a), await total(b)]).toEqual([10, 10]);
    expect(await keysOf(a)).toEqual([{ scope: expect.stringMatching(/^checkout:/), key }]);
    expect(await keysOf(b)).toEqual([{ scope: expect.stringMatching(/^checkout:/), key }]);
  });

  it('checkout by card number: concurrent repeats wait for the first and replay it', async () => {
    const m = await t.member();
    const key = nextKey('card');
    const id = orderId();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => checkout(key, { cardNumber: m.cardNumber }, id)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    for (const r of responses) {
      expect(r.body).toEqual(responses[0]?.body);
    }
    expect(await total(m)).toBe(10);
  });

  it('return: the key is the order’s member’s', async () => {
    const a = await t.member();
    const b = await t.member();
    const orderA = (await checkout(nextKey('o'), { id: a.id }).expect(201)).body.orderId as string;
    const orderB = (await checkout(nextKey('o'), { id: b.id }).expect(201)).body.orderId as string;
    const giveBack = (key: string, id: string, quantity = 1) =>
      post(
        '/v1/pos/returns',
        key,
        { orderId: id, lines: [{ sku: 'A', quantity }] },
        t.keys.cashier,
      );
    const key = nextKey('ret');
    const first = await giveBack(key, orderA).expect(201);
    const forB = await giveBack(key, orderB).expect(201);
    expect(forB.body.returnId).not.toBe(first.body.returnId);
    expect((await giveBack(key, orderA).expect(201)).body).toEqual(first.body);
    const reused = await giveBack(key, orderA, 2).expect(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect([await total(a), await total(b)]).toEqual([0, 0]);
  });

  it('adjustment: the same key and body for two members credits each once', async () => {
    const a = await t.member();
    const b = await t.member();
    const key = nextKey('adj');
    const adjust = (m: TestMember, points: number) =>
      post(`/v1/members/${m.id}/adjustments`, key, { points, reason: 'goodwill' }, t.keys.marketer);
    const first = await adjust(a, 50).expect(201);
    const forB = await adjust(b, 50).expect(201);
    expect(forB.body.transactionId).not.toBe(first.body.transactionId);
    expect((await adjust(a, 50).expect(201)).body).toEqual(first.body);
    expect((await adjust(a, 51).expect(409)).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect([await total(a), await total(b)]).toEqual([50, 50]);
  });

  it('redemptions and grants: replayed per member, another member is another request', async () => {
    const cookie = await reward('Cookie', 20);
    const tea = await reward('Tea', 30);
    const a = await t.member();
    const b = await t.member();
    await ledgerOf(t).credit(a.id, 100);
    await ledgerOf(t).credit(b.id, 100);
    const key = nextKey('rw');
    const inApp = (m: TestMember, rewardId: string) =>
      t
        .api()
        .post(`/v1/me/rewards/${rewardId}/redeem`)
        .set(bearer(m.token))
        .set('Idempotency-Key', key);
    const first = await inApp(a, cookie).expect(201);
    expect((await inApp(a, cookie).expect(201)).body).toEqual(first.body);
    expect((await inApp(a, tea).expect(409)).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await inApp(b, cookie).expect(201);

    const atTill = (m: TestMember, rewardId: string) =>
      post('/v1/pos/redemptions', key, { member: { id: m.id }, rewardId }, t.keys.cashier);
    const till = await atTill(a, tea).expect(201);
    expect((await atTill(a, tea).expect(201)).body).toEqual(till.body);
    expect((await atTill(a, cookie).expect(409)).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await atTill(b, tea).expect(201)).body.redemptionId).not.toBe(till.body.redemptionId);

    const grant = (m: TestMember, rewardId: string) =>
      post(`/v1/rewards/${rewardId}/grants`, key, { memberId: m.id }, t.keys.marketer);
    const granted = await grant(a, cookie).expect(201);
    expect((await grant(a, cookie).expect(201)).body).toEqual(granted.body);
    expect((await grant(a, tea).expect(409)).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await grant(b, cookie).expect(201);

    // 100 - 20 (app) - 30 (till) each; grants are free.
    expect([await total(a), await total(b)]).toEqual([50, 50]);
    expect((await keysOf(a)).map((k) => k.scope.split(':')[0])).toEqual([
      'pos-redeem',
      'redeem',
      'reward-grant',
    ]);
  });
});
