import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { waitFor } from '../support/process-probes';
import { eventsOf, expectGaplessSequence, typesAndMembers } from './events-helpers';

const DAY = 86_400_000;

describe('events of checkouts, returns and the points jobs', () => {
  let t: TestApp;
  let events: ReturnType<typeof eventsOf>;
  let fiveOff: string;
  let seq = 0;
  const orderId = (): string => `ev-${process.pid}-${++seq}-${Date.now()}`;
  const checkout = (body: Record<string, unknown>, key = `ck-${++seq}`) =>
    t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', key)
      .send(body);
  const order = (m: TestMember, unitPrice: number, extra: Record<string, unknown> = {}) => ({
    member: { id: m.id },
    orderId: orderId(),
    channel: 'store',
    lines: [{ sku: 'BAG-1', category: 'bags', quantity: 2, unitPrice: unitPrice / 2 }],
    ...extra,
  });
  const giveBack = (id: string, quantity: number, key = `rt-${++seq}`) =>
    t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', key)
      .send({ orderId: id, lines: [{ sku: 'BAG-1', quantity }] });
  const program = (body: Record<string, unknown>) =>
    t.api().put('/v1/program').set(bearer(t.keys.marketer)).send(body).expect(200);
  const goodwill = (m: TestMember, points: number) =>
    t
      .api()
      .post(`/v1/members/${m.id}/adjustments`)
      .set(bearer(t.keys.marketer))
      .set('Idempotency-Key', `gw-${++seq}`)
      .send({ points, reason: 'goodwill', ticketId: `SUP-${seq}` })
      .expect(201);
  const coupon = async (m: TestMember): Promise<string> =>
    (
      await t
        .api()
        .post(`/v1/me/rewards/${fiveOff}/redeem`)
        .set(bearer(m.token))
        .set('Idempotency-Key', `cp-${++seq}`)
        .expect(201)
    ).body.code as string;

  beforeAll(async () => {
    t = await startTestApp();
    events = eventsOf(t);
    const marketer = bearer(t.keys.marketer);
    await t
      .api()
      .post('/v1/earning-rules')
      .set(marketer)
      .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
      .expect(201);
    for (const [code, rank, threshold] of [
      ['member', 0, 0],
      ['gold', 1, 10000],
    ] as const) {
      await t
        .api()
        .post('/v1/tiers')
        .set(marketer)
        .send({
          code,
          name: code === 'gold' ? 'Gold' : 'Member',
          rank,
          qualification: { metric: 'spend', threshold, windowDays: 365 },
        })
        .expect(201);
    }
    fiveOff = (
      await t
        .api()
        .post('/v1/rewards')
        .set(marketer)
        .send({ name: '5.00 off', type: 'discount_amount', pointsCost: 100, value: 500 })
        .expect(201)
    ).body.id as string;
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('emits what a checkout did, in order, with the documented data, and nothing on a replay', async () => {
    const m = await t.member();
    await goodwill(m, 1000);
    const code = await coupon(m); // 900 left
    const mark = await events.mark();
    const body = order(m, 12000, { redeemPoints: 200, couponCodes: [code.toLowerCase()] });
    const first = await checkout(body, `replay-${body.orderId}`).expect(201);
    // 120.00 − 5.00 coupon − 2.00 in points = 113.00 paid: 113 points, and gold (spend 100.00).
    expect(first.body).toMatchObject({ pointsEarned: 113, tier: { code: 'gold' } });
    const checkoutId = first.body.checkoutId as string;

    const emitted = await events.since(mark);
    expect(typesAndMembers(emitted)).toEqual([
      ['points.redeemed', m.id],
      ['points.earned', m.id],
      ['coupon.used', m.id],
      ['tier.upgraded', m.id],
    ]);
    const [redeemed, earned, used, upgraded] = emitted.map((e) => e.data);
    expect(redeemed).toEqual({
      memberId: m.id,
      transactionId: expect.any(String),
      points: 200,
      source: 'checkout',
      orderId: body.orderId,
      checkoutId,
      discount: 200,
      rewardId: null,
      redemptionId: null,
      storeId: 'store-1',
      balance: { available: 700, pending: 0 },
    });
    expect(earned).toEqual({
      memberId: m.id,
      transactionId: expect.any(String),
      points: 113,
      pendingPoints: 0,
      availableAt: null,
      expiresAt: expect.any(String),
      source: 'checkout',
      orderId: body.orderId,
      checkoutId,
      storeId: 'store-1',
      channel: 'store',
      appliedRules: [{ ruleId: expect.any(String), name: 'Base', points: 113 }],
      balance: { available: 813, pending: 0 },
    });
    expect(used).toEqual({
      memberId: m.id,
      redemptionId: expect.any(String),
      rewardId: fiveOff,
      code,
      type: 'discount_amount',
      discount: 500,
      orderId: body.orderId,
      checkoutId,
      storeId: 'store-1',
    });
    expect(upgraded).toEqual({
      memberId: m.id,
      from: { code: 'member', name: 'Member' },
      to: { code: 'gold', name: 'Gold' },
      reason: 'checkout',
      orderId: body.orderId,
      checkoutId,
      heldUntil: null,
    });

    // The retry answers the first response and writes nothing, events included.
    const again = await checkout(body, `replay-${body.orderId}`).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await events.since(mark)).toHaveLength(4);

    // A receiver reads the same through GET /v1/events, with the member's sequence number. The
    // feed holds an event back while any older transaction of the database server is still
    // running (other suites share the server), so it may appear on a later call, as documented.
    const earnedEvent = emitted[1];
    let listedEvent: unknown;
    const appeared = await waitFor(async () => {
      const listed = await t
        .api()
        .get('/v1/events?type=points.earned&limit=200')
        .set(bearer(t.keys.admin))
        .expect(200);
      listedEvent = (listed.body.items as { id: string }[]).find((e) => e.id === earnedEvent?.id);
      return listedEvent !== undefined;
    }, 10_000);
    expect(appeared).toBe(true);
    expect(listedEvent).toEqual({
      id: earnedEvent?.id,
      type: 'points.earned',
      timestamp: expect.any(String),
      data: { ...earned, memberSeq: earnedEvent?.memberSeq },
    });

    // Enrolled, adjusted, redeemed + reward.redeemed for the coupon, the checkout's four: 1..8.
    const mine = await events.ofMember(m.id);
    expect(mine.map((e) => e.type)).toEqual([
      'member.enrolled',
      'points.adjusted',
      'points.redeemed',
      'reward.redeemed',
      'points.redeemed',
      'points.earned',
      'coupon.used',
      'tier.upgraded',
    ]);
    expectGaplessSequence(mine);
  });

  it('emits nothing for a refused checkout', async () => {
    const m = await t.member();
    await goodwill(m, 100);
    const mark = await events.mark();
    const tooMuch = await checkout(order(m, 5000, { redeemPoints: 500 })).expect(422);
    expect(tooMuch.body.error.code).toBe('INSUFFICIENT_POINTS');
    const badCoupon = await checkout(order(m, 5000, { couponCodes: ['VAFA-NOSUCHCOUPON'] })).expect(
      422,
    );
    expect(badCoupon.body.error.code).toBe('COUPON_INVALID');
    const once = order(m, 5000);
    await checkout(once).expect(201);
    const after = await events.since(mark);
    await checkout(once).expect(409); // the same order under another key: ORDER_EXISTS
    expect(typesAndMembers(after)).toEqual([['points.earned', m.id]]);
    expect(await events.since(mark)).toEqual(after);
  });

  it('emits points.reversed for points a return takes back and for spent points it gives back', async () => {
    const m = await t.member();
    await goodwill(m, 300);
    const body = order(m, 4000, { redeemPoints: 300 }); // 37 earned on 37.00 paid
    await checkout(body).expect(201);
    const orderUuid = (
      await ledgerOf(t).dataSource.query<{ id: string; earn: string; redeem: string }[]>(
        'SELECT id, earn_transaction_id AS earn, redeem_transaction_id AS redeem FROM orders WHERE order_id = $1',
        [body.orderId],
      )
    )[0];
    const mark = await events.mark();
    const key = `half-${body.orderId}`;
    const half = await giveBack(body.orderId, 1, key).expect(201);
    const { pointsReversed: back, pointsRefunded: refunded } = half.body as {
      pointsReversed: number;
      pointsRefunded: number;
    };
    expect([back, refunded]).toEqual([expect.any(Number), 150]);
    const emitted = await events.since(mark);
    expect(emitted.map((e) => [e.type, e.data.reversed, e.data.points])).toEqual([
      ['points.reversed', 'earned', -back],
      ['points.reversed', 'spent', 150],
    ]);
    expect(emitted[0]?.data).toEqual({
      memberId: m.id,
      transactionId: expect.any(String),
      reversedTransactionId: orderUuid?.earn,
      reversed: 'earned',
      points: -back,
      pendingPoints: 0,
      reason: 'return',
      orderId: body.orderId,
      returnId: half.body.returnId,
      rewardId: null,
      redemptionId: null,
      balance: { available: 37 - back, pending: 0 },
    });
    expect(emitted[1]?.data).toMatchObject({
      reversedTransactionId: orderUuid?.redeem,
      balance: { available: 37 - back + 150, pending: 0 },
    });
    await giveBack(body.orderId, 1, key).expect(201); // a retry
    expect(await events.since(mark)).toHaveLength(2);
    await giveBack(body.orderId, 5).expect(422); // more than is left
    expect(await events.since(mark)).toHaveLength(2);
  });

  it('emits points.pending_released and points.expired once per member, however often the jobs run', async () => {
    const start = t.clock.now();
    await program({ pointsPendingDays: 14, pointsExpiryDays: 30 });
    try {
      const [a, b] = [await t.member(), await t.member()];
      const mark = await events.mark();
      await checkout(order(a, 2000)).expect(201);
      await checkout(order(a, 1000)).expect(201);
      await checkout(order(b, 500)).expect(201);
      const earned = await events.since(mark);
      expect(earned.map((e) => [e.memberId, e.data.points, e.data.pendingPoints])).toEqual([
        [a.id, 20, 20],
        [a.id, 10, 10],
        [b.id, 5, 5],
      ]);
      expect(earned[0]?.data.availableAt).toBe(new Date(start.getTime() + 14 * DAY).toISOString());

      t.clock.set(new Date(start.getTime() + 15 * DAY));
      const released = await events.mark();
      const run = () =>
        t.api().post('/v1/ledger/jobs/release-pending').set(bearer(t.keys.admin)).expect(200);
      await run();
      await run();
      const releases = (await events.since(released)).filter(
        (e) => e.memberId === a.id || e.memberId === b.id,
      );
      expect(releases.map((e) => [e.type, e.memberId, e.data.points, e.data.balance])).toEqual(
        expect.arrayContaining([
          ['points.pending_released', a.id, 30, { available: 30, pending: 0 }],
          ['points.pending_released', b.id, 5, { available: 5, pending: 0 }],
        ]),
      );
      expect(releases).toHaveLength(2);

      t.clock.set(new Date(start.getTime() + 15 * DAY + 31 * DAY));
      const expired = await events.mark();
      const expire = () =>
        t.api().post('/v1/ledger/jobs/expire').set(bearer(t.keys.admin)).expect(200);
      await expire();
      await expire();
      const expiries = (await events.since(expired)).filter(
        (e) => e.memberId === a.id || e.memberId === b.id,
      );
      expect(expiries.map((e) => [e.type, e.memberId, e.data.points, e.data.balance])).toEqual(
        expect.arrayContaining([
          ['points.expired', a.id, 30, { available: 0, pending: 0 }],
          ['points.expired', b.id, 5, { available: 0, pending: 0 }],
        ]),
      );
      expect(expiries).toHaveLength(2);
      for (const m of [a, b]) {
        expectGaplessSequence(await events.ofMember(m.id));
      }
    } finally {
      t.clock.set(start);
      await program({ pointsPendingDays: 0, pointsExpiryDays: 365 });
    }
  });
});
