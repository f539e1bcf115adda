import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { COUPON_CODE, rewardsOf } from '../rewards/rewards-helpers';
import { eventsOf, expectGaplessSequence, typesAndMembers } from './events-helpers';

const DAY = 86_400_000;

describe('events of rewards, coupons and manual adjustments', () => {
  let t: TestApp;
  let events: ReturnType<typeof eventsOf>;
  let r: ReturnType<typeof rewardsOf>;
  let seq = 0;
  const key = (label: string): string => `${label}-${process.pid}-${++seq}`;
  const adjust = (m: TestMember, body: Record<string, unknown>, idempotencyKey = key('adj')) =>
    t
      .api()
      .post(`/v1/members/${m.id}/adjustments`)
      .set(bearer(t.keys.marketer))
      .set('Idempotency-Key', idempotencyKey)
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    events = eventsOf(t);
    r = rewardsOf(t);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('emits points.adjusted with the reason and ticket, never the staff note, once per key', async () => {
    const m = await t.member();
    const mark = await events.mark();
    const credit = key('credit');
    const body = { points: 500, reason: 'goodwill', ticketId: 'SUP-1042', note: 'Rude driver' };
    const first = await adjust(m, body, credit).expect(201);
    await adjust(m, body, credit).expect(201); // a retry
    await adjust(m, { points: -800, reason: 'correction' }).expect(422); // more than there is
    await adjust(m, { points: -200, reason: 'correction' }).expect(201);
    const emitted = await events.since(mark);
    expect(emitted.map((e) => [e.type, e.data])).toEqual([
      [
        'points.adjusted',
        {
          memberId: m.id,
          transactionId: first.body.transactionId,
          points: 500,
          reason: 'goodwill',
          ticketId: 'SUP-1042',
          balance: { available: 500, pending: 0 },
        },
      ],
      [
        'points.adjusted',
        {
          memberId: m.id,
          transactionId: expect.any(String),
          points: -200,
          reason: 'correction',
          ticketId: null,
          balance: { available: 300, pending: 0 },
        },
      ],
    ]);
    expect(JSON.stringify(emitted)).not.toContain('Rude driver');
  });

  it('emits points.redeemed and reward.redeemed for a member’s redemption, once, and nothing when refused', async () => {
    const reward = await r.create({
      name: '5.00 off',
      type: 'discount_amount',
      pointsCost: 300,
      value: 500,
      validDays: 30,
    });
    const m = await r.funded(400);
    const mark = await events.mark();
    const redemptionKey = key('redeem');
    const redeemed = await r.redeem(m, reward.id, redemptionKey).expect(201);
    await r.redeem(m, reward.id, redemptionKey).expect(201); // a retry
    await r.redeem(m, reward.id).expect(422); // 100 left
    const emitted = await events.since(mark);
    expect(typesAndMembers(emitted)).toEqual([
      ['points.redeemed', m.id],
      ['reward.redeemed', m.id],
    ]);
    const [spent, issued] = emitted.map((e) => e.data);
    expect(spent).toEqual({
      memberId: m.id,
      transactionId: expect.any(String),
      points: 300,
      source: 'reward',
      orderId: null,
      checkoutId: null,
      discount: null,
      rewardId: reward.id,
      redemptionId: redeemed.body.redemptionId,
      storeId: null,
      balance: { available: 100, pending: 0 },
    });
    expect(issued).toEqual({
      memberId: m.id,
      redemptionId: redeemed.body.redemptionId,
      rewardId: reward.id,
      name: '5.00 off',
      type: 'discount_amount',
      pointsCost: 300,
      source: 'member',
      storeId: null,
      transactionId: spent?.transactionId,
      code: redeemed.body.code,
      expiresAt: redeemed.body.expiresAt,
      fulfilment: null,
    });
    expect(issued?.code).toMatch(COUPON_CODE);

    // Cancelled: the points come back as a reversal of the redemption's debit, once.
    const cancelled = await events.mark();
    await r.cancel(redeemed.body.redemptionId).expect(200);
    await r.cancel(redeemed.body.redemptionId).expect(200);
    const back = await events.since(cancelled);
    expect(back.map((e) => [e.type, e.data])).toEqual([
      [
        'points.reversed',
        {
          memberId: m.id,
          transactionId: expect.any(String),
          reversedTransactionId: spent?.transactionId,
          reversed: 'spent',
          points: 300,
          pendingPoints: 0,
          reason: 'redemption_cancelled',
          orderId: null,
          returnId: null,
          rewardId: reward.id,
          redemptionId: redeemed.body.redemptionId,
          balance: { available: 400, pending: 0 },
        },
      ],
    ]);
    expectGaplessSequence(await events.ofMember(m.id));
  });

  it('says at the till which store, and what the shop does for a physical gift', async () => {
    const gift = await r.create({ name: 'Tote bag', type: 'gift', pointsCost: 50 });
    const m = await r.funded(110);
    const mark = await events.mark();
    const tillKey = key('till');
    const redeem = () =>
      t
        .api()
        .post('/v1/pos/redemptions')
        .set(bearer(t.keys.cashier))
        .set('Idempotency-Key', tillKey)
        .send({ member: { id: m.id }, rewardId: gift.id });
    const redeemed = await redeem().expect(201);
    await redeem().expect(201);
    const emitted = await events.since(mark);
    expect(emitted.map((e) => e.type)).toEqual(['points.redeemed', 'reward.redeemed']);
    expect(emitted[0]?.data).toMatchObject({ source: 'reward', storeId: 'store-1' });
    expect(emitted[1]?.data).toMatchObject({
      source: 'till',
      storeId: 'store-1',
      type: 'gift',
      pointsCost: 50,
      code: null,
      fulfilment: {
        method: 'ship_with_next_order',
        rewardId: gift.id,
        redemptionId: redeemed.body.redemptionId,
        description: 'Tote bag',
      },
    });
    // An admin at the till has no store, and is still the till.
    const byAdmin = await events.mark();
    await t
      .api()
      .post('/v1/pos/redemptions')
      .set(bearer(t.keys.admin))
      .set('Idempotency-Key', key('admin-till'))
      .send({ member: { id: m.id }, rewardId: gift.id })
      .expect(201);
    expect((await events.since(byAdmin))[1]?.data).toMatchObject({ source: 'till', storeId: null });
  });

  it('emits reward.redeemed for a free grant by staff, once per Idempotency-Key', async () => {
    const perk = await r.create({
      name: 'Free tailoring',
      type: 'service_perk',
      pointsCost: 900,
      value: 'One garment altered',
    });
    const m = await t.member();
    const mark = await events.mark();
    const grant = (idempotencyKey: string) =>
      t
        .api()
        .post(`/v1/rewards/${perk.id}/grants`)
        .set(bearer(t.keys.marketer))
        .set('Idempotency-Key', idempotencyKey)
        .send({ memberId: m.id, reason: 'late delivery' });
    const sorry = key('sorry');
    const granted = await grant(sorry).expect(201);
    await grant(sorry).expect(201);
    const emitted = await events.since(mark);
    expect(emitted.map((e) => [e.type, e.data])).toEqual([
      [
        'reward.redeemed',
        {
          memberId: m.id,
          redemptionId: granted.body.redemptionId,
          rewardId: perk.id,
          name: 'Free tailoring',
          type: 'service_perk',
          pointsCost: 0,
          source: 'staff_grant',
          storeId: null,
          transactionId: null,
          code: null,
          expiresAt: null,
          fulfilment: {
            method: 'hand_over_in_store',
            rewardId: perk.id,
            redemptionId: granted.body.redemptionId,
            description: 'Free tailoring: One garment altered',
          },
        },
      ],
    ]);
  });

  it('emits coupon.expired once for each coupon and perk the job expires', async () => {
    const start = t.clock.now();
    const coupon = await r.create({
      name: '10% off',
      type: 'discount_percent',
      pointsCost: 10,
      value: 10,
      validDays: 7,
    });
    const lounge = await r.create({
      name: 'Lounge',
      type: 'service_perk',
      pointsCost: 10,
      validDays: 7,
    });
    const m = await r.funded(20);
    const c = await r.redeem(m, coupon.id).expect(201);
    const p = await r.redeem(m, lounge.id).expect(201);
    const mark = await events.mark();
    try {
      t.clock.set(new Date(start.getTime() + 8 * DAY));
      const run = () =>
        t.api().post('/v1/rewards/jobs/expire-coupons').set(bearer(t.keys.admin)).expect(200);
      expect((await run()).body).toMatchObject({ ran: true, expired: 2 });
      expect((await run()).body).toMatchObject({ ran: true, expired: 0 });
    } finally {
      t.clock.set(start);
    }
    const emitted = await events.since(mark);
    expect(emitted.map((e) => [e.type, e.memberId, e.data])).toEqual(
      expect.arrayContaining([
        [
          'coupon.expired',
          m.id,
          {
            memberId: m.id,
            redemptionId: c.body.redemptionId,
            rewardId: coupon.id,
            name: '10% off',
            type: 'discount_percent',
            code: c.body.code,
            expiredAt: c.body.expiresAt,
          },
        ],
        [
          'coupon.expired',
          m.id,
          expect.objectContaining({ redemptionId: p.body.redemptionId, code: null }),
        ],
      ]),
    );
    expect(emitted).toHaveLength(2);
    expectGaplessSequence(await events.ofMember(m.id));
  });
});
