import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { buyOne } from '../support/till';
import { eventsOf, expectGaplessSequence, typesAndMembers } from './events-helpers';

describe('events of referrals', () => {
  let t: TestApp;
  let events: ReturnType<typeof eventsOf>;
  let seq = 0;
  const referee = async (code: string): Promise<{ id: string }> =>
    (
      await t
        .api()
        .post('/v1/members')
        .set(bearer(t.keys.integration))
        .send({ email: `ref${++seq}-${Date.now()}@example.com`, referralCode: code })
        .expect(201)
    ).body as { id: string };
  const buy = (memberId: string, amount: number) =>
    buyOne(t, memberId, amount, { sku: 'S', channel: 'online' }).expect(201);

  beforeAll(async () => {
    t = await startTestApp();
    events = eventsOf(t);
    await t
      .api()
      .put('/v1/referral-program')
      .set(bearer(t.keys.marketer))
      .send({
        active: true,
        referrerPoints: 500,
        refereePoints: 250,
        qualifyingMinSpend: 2000,
        maxReferralsPerMember: 5,
        velocityMax: 1,
        velocityWindowHours: 24,
      })
      .expect(200);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('emits referral.qualified and referral.rewarded, as the referrer’s events, inside the qualifying checkout', async () => {
    const referrer = await t.member();
    const friend = await referee(referrer.referralCode);
    const mark = await events.mark();
    await buy(friend.id, 1500); // below the minimum
    const qualifying = await buy(friend.id, 2500);
    await buy(friend.id, 2500); // paid once only
    const emitted = (await events.since(mark)).filter((e) => e.type.startsWith('referral.'));
    expect(typesAndMembers(emitted)).toEqual([
      ['referral.qualified', referrer.id],
      ['referral.rewarded', referrer.id],
    ]);
    expect(emitted[0]?.data).toEqual({
      memberId: referrer.id,
      referrerId: referrer.id,
      refereeId: friend.id,
      orderId: qualifying.body.orderId,
      checkoutId: qualifying.body.checkoutId,
      held: false,
    });
    expect(emitted[1]?.data).toEqual({
      memberId: referrer.id,
      referrerId: referrer.id,
      refereeId: friend.id,
      orderId: qualifying.body.orderId,
      refereePoints: 250,
      referrerPoints: 500,
      refereeTransactionId: expect.any(String),
      referrerTransactionId: expect.any(String),
    });

    // The qualifying order returned below the minimum: both sides' points taken back.
    const returned = await events.mark();
    await t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', `ret-${qualifying.body.orderId}`)
      .send({ orderId: qualifying.body.orderId, lines: [{ sku: 'S', quantity: 1 }] })
      .expect(201);
    const back = (await events.since(returned)).filter((e) => e.data.reason === 'referral_return');
    expect(
      back.map((e) => [e.type, e.memberId, e.data.points, e.data.reversedTransactionId]),
    ).toEqual([
      ['points.reversed', friend.id, -250, emitted[1]?.data.refereeTransactionId],
      ['points.reversed', referrer.id, -500, emitted[1]?.data.referrerTransactionId],
    ]);
    expectGaplessSequence(await events.ofMember(referrer.id));
    expectGaplessSequence(await events.ofMember(friend.id));
  });

  it('emits referral.held for a burst, qualified (held) at the purchase, rewarded on approval', async () => {
    const referrer = await t.member();
    await referee(referrer.referralCode); // the one the window allows
    const mark = await events.mark();
    const friend = await referee(referrer.referralCode);
    const held = await events.since(mark);
    expect(typesAndMembers(held)).toEqual([
      ['referral.held', referrer.id],
      ['member.enrolled', friend.id],
    ]);
    expect(held[0]?.data).toEqual({
      memberId: referrer.id,
      referrerId: referrer.id,
      refereeId: friend.id,
      reason: 'more than 1 referrals in 24 h',
    });
    expect(held[1]?.data).toMatchObject({ referrerId: referrer.id });

    const bought = await events.mark();
    const order = await buy(friend.id, 3000);
    expect(
      (await events.since(bought))
        .filter((e) => e.type.startsWith('referral.'))
        .map((e) => [e.type, e.data.held]),
    ).toEqual([['referral.qualified', true]]);

    const approved = await events.mark();
    const approve = () =>
      t.api().post(`/v1/referrals/${friend.id}/approve`).set(bearer(t.keys.admin));
    await approve().expect(200);
    await approve().expect(409);
    const paid = await events.since(approved);
    expect(typesAndMembers(paid)).toEqual([['referral.rewarded', referrer.id]]);
    expect(paid[0]?.data).toMatchObject({
      refereeId: friend.id,
      orderId: order.body.orderId,
      refereePoints: 250,
      referrerPoints: 500,
    });
  });
});
