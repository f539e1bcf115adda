import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';

/**
 * A program whose currency has 1000 minor units to the major one (the Kuwaiti dinar's fils):
 * money the checkout writes in words uses the program's minorUnitsPerMajor, not cents.
 */
describe('checkout in a three-decimal currency', () => {
  let t: TestApp;
  let seq = 0;
  const checkout = (path: string, body: Record<string, unknown>) =>
    t
      .api()
      .post(`/v1/pos/checkouts${path}`)
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', `k-${++seq}`)
      .send(body);
  const order = (memberId: string, extra: Record<string, unknown> = {}) => ({
    member: { id: memberId },
    orderId: `kwd-${++seq}-${Date.now()}`,
    channel: 'store',
    // 10.000 KWD
    lines: [{ sku: 'TEA-1', quantity: 1, unitPrice: 10_000 }],
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.admin))
      .send({ currency: 'KWD', minorUnitsPerMajor: 1000 })
      .expect(200);
    await t
      .api()
      .post('/v1/earning-rules')
      .set(bearer(t.keys.marketer))
      .send({ name: '200 points per dinar', priority: 0, effect: { pointsPerUnit: 200 } })
      .expect(201);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('says what redeemed points took off in dinars with three decimals', async () => {
    const m = await t.member();
    await checkout('', order(m.id)).expect(201); // 2000 points
    // 100 points pay 100 fils by default: 1500 points take 1.500 KWD off.
    const body = order(m.id, { redeemPoints: 1500 });
    const paid = await checkout('', body).expect(201);
    expect(paid.body).toMatchObject({ discount: 1500, total: 8500, pointsRedeemed: 1500 });
    const activity = await t.api().get('/v1/me/activity').set(bearer(m.token)).expect(200);
    const descriptions = (activity.body.items as { description: string }[]).map(
      (i) => i.description,
    );
    expect(descriptions).toContain(`Spent 1500 points on order ${body.orderId} (1.500 off)`);
  });

  it('refuses to redeem more than the balance with the same error when simulating and checking out', async () => {
    const m = await t.member();
    await checkout('', order(m.id)).expect(201); // 2000 points
    const body = order(m.id, { redeemPoints: 2500 });
    const simulated = await checkout('/simulate', body).expect(422);
    const refused = await checkout('', body).expect(422);
    expect(simulated.body).toEqual(refused.body);
    expect(refused.body.error).toEqual({
      code: 'INSUFFICIENT_POINTS',
      message: 'The member has 2000 points available, fewer than 2500.',
      details: { requested: 2500, available: 2000 },
    });
  });
});
