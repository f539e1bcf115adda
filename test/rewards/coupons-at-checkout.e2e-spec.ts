import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { rewardsOf } from './rewards-helpers';

describe('coupons at the till', () => {
  let t: TestApp;
  let r: ReturnType<typeof rewardsOf>;
  let seq = 0;
  let fiveOff: string;
  let tenPercent: string;
  let freeLatte: string;
  let perk: string;

  const order = (m: TestMember, couponCodes: string[], extra: Record<string, unknown> = {}) => ({
    member: { id: m.id },
    orderId: `co-${++seq}-${Date.now()}`,
    channel: 'store',
    lines: [
      { sku: 'LATTE', category: 'coffee', quantity: 2, unitPrice: 450 },
      { sku: 'BAGEL', category: 'bakery', quantity: 1, unitPrice: 1100 },
    ],
    couponCodes,
    ...extra,
  });
  const checkout = (body: Record<string, unknown>, key = `ck-${++seq}`) =>
    t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', key)
      .send(body);
  const returnAll = (orderId: string) =>
    t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', `ret-${++seq}`)
      .send({
        orderId,
        lines: [
          { sku: 'LATTE', quantity: 2 },
          { sku: 'BAGEL', quantity: 1 },
        ],
      });
  /** A member holding a freshly redeemed coupon of the reward. */
  const holder = async (rewardId: string): Promise<{ m: TestMember; code: string; id: string }> => {
    const m = await r.funded(1000);
    const issued = await r.redeem(m, rewardId).expect(201);
    return { m, code: issued.body.code, id: issued.body.redemptionId };
  };
  const status = async (redemptionId: string): Promise<string | undefined> =>
    (
      await r.sql<{ status: string }>('SELECT status FROM reward_redemptions WHERE id = $1', [
        redemptionId,
      ])
    )[0]?.status;
  const writes = async () => [
    await r.count('orders'),
    await r.count('ledger_transactions'),
    await r.count('idempotent_requests'),
  ];

  beforeAll(async () => {
    t = await startTestApp();
    r = rewardsOf(t);
    await t
      .api()
      .post('/v1/earning-rules')
      .set(bearer(t.keys.marketer))
      .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
      .expect(201);
    fiveOff = (
      await r.create({
        name: '5.00 off',
        type: 'discount_amount',
        pointsCost: 100,
        value: 500,
        validDays: 30,
      })
    ).id;
    tenPercent = (
      await r.create({ name: '10% off', type: 'discount_percent', pointsCost: 100, value: 10 })
    ).id;
    freeLatte = (
      await r.create({ name: 'Free latte', type: 'free_product', pointsCost: 100, value: 'LATTE' })
    ).id;
    perk = (await r.create({ name: 'Lounge', type: 'service_perk', pointsCost: 100 })).id;
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('takes an amount off the order, earns on what was paid, and marks the coupon used', async () => {
    const { m, code, id } = await holder(fiveOff);
    const body = order(m, [code]);
    const sold = await checkout(body).expect(201);
    expect(sold.body).toMatchObject({
      subtotal: 2000,
      discount: 500,
      total: 1500,
      pointsEarned: 6 + 8, // per line, on what was paid: 675 and 825
      coupons: [{ code, discount: 500, description: '5.00 off' }],
    });
    const [row] = await r.sql<{ status: string; order_uuid: string; used_at: Date }>(
      'SELECT status, order_uuid, used_at FROM reward_redemptions WHERE id = $1',
      [id],
    );
    expect(row).toMatchObject({ status: 'used', order_uuid: sold.body.checkoutId });
    const perks = await r.perks(m);
    expect(perks[0]).toMatchObject({ code, status: 'used' });
    expect(perks[0]?.usedAt).not.toBeNull();

    // Used once: a second order with it is refused, and nothing is written.
    const before = await writes();
    const again = await checkout(order(m, [code])).expect(422);
    expect(again.body.error).toMatchObject({ code: 'COUPON_INVALID', details: { code } });
    expect(await writes()).toEqual(before);
    // Nor can a used coupon be cancelled for its points.
    expect((await r.cancel(id).expect(422)).body.error.code).toBe('REDEMPTION_NOT_CANCELLABLE');
  });

  it('takes a percentage, or one unit of a free product, and accepts codes in any case', async () => {
    const pct = await holder(tenPercent);
    const sold = await checkout(order(pct.m, [pct.code.toLowerCase()])).expect(201);
    expect(sold.body).toMatchObject({
      discount: 200,
      total: 1800,
      coupons: [{ code: pct.code, discount: 200 }],
    });

    const free = await holder(freeLatte);
    const latte = await checkout(order(free.m, [free.code])).expect(201);
    expect(latte.body).toMatchObject({
      discount: 450,
      total: 1550,
      coupons: [{ code: free.code, discount: 450, description: 'Free latte (one LATTE free)' }],
    });

    // Not in the order: refused, and the coupon stays usable.
    const other = await holder(freeLatte);
    const noLatte = await checkout({
      ...order(other.m, [other.code]),
      lines: [{ sku: 'BAGEL', quantity: 1, unitPrice: 1100 }],
    }).expect(422);
    expect(noLatte.body.error.code).toBe('COUPON_INVALID');
    expect(await status(other.id)).toBe('active');
  });

  it('stacks several coupons, and simulates without using them', async () => {
    const m = await r.funded(1000);
    const codes: string[] = [];
    for (const id of [fiveOff, tenPercent, freeLatte]) {
      codes.push((await r.redeem(m, id).expect(201)).body.code);
    }
    const simulated = await t
      .api()
      .post('/v1/pos/checkouts/simulate')
      .set(bearer(t.keys.cashier))
      .send(order(m, codes))
      .expect(200);
    expect(simulated.body).toMatchObject({ discount: 500 + 200 + 450, total: 850 });
    expect((await r.perks(m)).map((p) => p.status)).toEqual(['active', 'active', 'active']);
    await checkout(order(m, codes)).expect(201);
    expect((await r.perks(m)).map((p) => p.status)).toEqual(['used', 'used', 'used']);

    const dup = await holder(fiveOff);
    const twice = await checkout(order(dup.m, [dup.code, dup.code])).expect(422);
    expect(twice.body.error.code).toBe('COUPON_INVALID');
  });

  it("refuses someone else's code, unknown codes and perks", async () => {
    const owner = await holder(fiveOff);
    const stranger = await r.funded(0);
    const before = await writes();
    const theirs = await checkout(order(stranger, [owner.code])).expect(422);
    expect(theirs.body.error.code).toBe('COUPON_INVALID');
    await checkout(order(stranger, ['VAFA-0000000000XX'])).expect(422);
    expect(await writes()).toEqual(before);
    expect(await status(owner.id)).toBe('active');
    const lounge = await r.redeem(owner.m, perk).expect(201);
    expect(lounge.body.code).toBeUndefined();
  });

  it("says why the member's own code cannot be used; unknown and others' codes answer alike", async () => {
    const latte = await holder(freeLatte);
    const cancelled = await holder(fiveOff);
    await r.cancel(cancelled.id).expect(200);
    const before = await writes();
    // A free latte on a basket with no latte: what it needs.
    const noCoffee = await checkout({
      ...order(latte.m, [latte.code]),
      lines: [{ sku: 'BAGEL', quantity: 1, unitPrice: 1100 }],
    }).expect(422);
    expect(noCoffee.body.error).toEqual({
      code: 'COUPON_INVALID',
      message: `The coupon ${latte.code} needs LATTE in the order (one unit free).`,
      details: { code: latte.code, reason: 'not_applicable', requires: { sku: 'LATTE' } },
    });
    expect(await status(latte.id)).toBe('active');
    const gone = await checkout(order(cancelled.m, [cancelled.code])).expect(422);
    expect(gone.body.error.details).toEqual({ code: cancelled.code, reason: 'cancelled' });
    expect(await writes()).toEqual(before);
    // Used.
    const used = await holder(fiveOff);
    await checkout(order(used.m, [used.code])).expect(201);
    const again = await checkout(order(used.m, [used.code])).expect(422);
    expect(again.body.error.details).toEqual({ code: used.code, reason: 'used' });
    expect(again.body.error.message).toMatch(/was already used on \d{4}-\d{2}-\d{2}/);

    // Someone else's code and a code that does not exist: the same answer, no reason.
    const stranger = await r.funded(0);
    const theirs = await checkout(order(stranger, [latte.code])).expect(422);
    const unknown = await checkout(order(stranger, ['VAFA-0000000000ZZ'])).expect(422);
    const shape = (error: { message: string; details: { code: string } }) => ({
      ...error,
      message: error.message.replace(error.details.code, '<code>'),
      details: { ...error.details, code: '<code>' },
    });
    expect(shape(theirs.body.error)).toEqual(shape(unknown.body.error));
    expect(theirs.body.error.details).toEqual({ code: latte.code });
  });

  it('says a coupon expired, with when', async () => {
    const { m, code } = await holder(fiveOff); // valid 30 days
    t.clock.advanceDays(31);
    await r.retoken(m);
    const late = await checkout(order(m, [code])).expect(422);
    expect(late.body.error.details).toEqual({ code, reason: 'expired' });
    expect(late.body.error.message).toMatch(/^The coupon VAFA-\w+ expired on \d{4}-\d{2}-\d{2}\.$/);
  });

  it('lets one of two racing checkouts use a coupon', async () => {
    const { m, code } = await holder(fiveOff);
    const results = await Promise.all([checkout(order(m, [code])), checkout(order(m, [code]))]);
    expect(results.map((x) => x.status).sort()).toEqual([201, 422]);
    expect(results.find((x) => x.status === 422)?.body.error.code).toBe('COUPON_INVALID');
  });

  it('gives the coupons back when the order is returned in full, not in part', async () => {
    const { m, code, id } = await holder(fiveOff);
    const body = order(m, [code]);
    await checkout(body).expect(201);
    await t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', `part-${body.orderId}`)
      .send({ orderId: body.orderId, lines: [{ sku: 'LATTE', quantity: 1 }] })
      .expect(201);
    expect(await status(id)).toBe('used');
    await t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', `rest-${body.orderId}`)
      .send({
        orderId: body.orderId,
        lines: [
          { sku: 'LATTE', quantity: 1 },
          { sku: 'BAGEL', quantity: 1 },
        ],
      })
      .expect(201);
    expect(await status(id)).toBe('active');
    expect((await r.perks(m))[0]).toMatchObject({ status: 'active', usedAt: null });
    // And it works again.
    const reused = await checkout(order(m, [code])).expect(201);
    expect(reused.body.discount).toBe(500);
  });

  it('refuses a coupon past its expiry at the time of the order', async () => {
    const { m, code, id } = await holder(fiveOff); // valid 30 days
    const fresh = await holder(fiveOff);
    const bought = order(fresh.m, [fresh.code]);
    await checkout(bought).expect(201);
    t.clock.advanceDays(31);
    const late = await checkout(order(m, [code])).expect(422);
    expect(late.body.error.code).toBe('COUPON_INVALID');
    // A coupon given back after its expiry comes back expired.
    await returnAll(bought.orderId).expect(201);
    expect(await status(fresh.id)).toBe('expired');
    await r.retoken(m);
    expect((await r.perks(m))[0]).toMatchObject({ id, status: 'expired' });
  });
});
