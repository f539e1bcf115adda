import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { createSpendTierLadder } from '../support/tier-ladder';
import { buyOne } from '../support/till';
import { eventsOf, expectGaplessSequence } from './events-helpers';

const DAY = 86_400_000;

describe('events of tier changes: at checkout, in the nightly job, by hand', () => {
  let t: TestApp;
  let events: ReturnType<typeof eventsOf>;
  const tierIds: Record<string, string> = {};
  const evaluate = () =>
    t.api().post('/v1/tiers/jobs/evaluate').set(bearer(t.keys.admin)).expect(200);
  const assign = (m: TestMember, body: Record<string, unknown>) =>
    t.api().put(`/v1/members/${m.id}/tier`).set(bearer(t.keys.marketer)).send(body);
  const tierEvents = async (mark: string, m: TestMember) =>
    (await events.since(mark))
      .filter((e) => e.memberId === m.id && e.type.startsWith('tier.'))
      .map((e) => [e.type, e.data]);
  const SILVER = { code: 'silver', name: 'Silver' };
  const MEMBER = { code: 'member', name: 'Member' };
  const GOLD = { code: 'gold', name: 'Gold' };

  beforeAll(async () => {
    t = await startTestApp();
    events = eventsOf(t);
    Object.assign(
      tierIds,
      await createSpendTierLadder(t, { windowDays: 30, downgradeGraceDays: 0 }),
    );
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('emits tier.upgraded at checkout and tier.downgraded in the nightly job, once however often it runs', async () => {
    const start = t.clock.now();
    const m = await t.member();
    const mark = await events.mark();
    const bought = await buyOne(t, m.id, 12000).expect(201);
    expect(await tierEvents(mark, m)).toEqual([
      [
        'tier.upgraded',
        {
          memberId: m.id,
          from: MEMBER,
          to: SILVER,
          reason: 'checkout',
          orderId: bought.body.orderId,
          checkoutId: bought.body.checkoutId,
          heldUntil: null,
        },
      ],
    ]);
    try {
      t.clock.set(new Date(start.getTime() + 31 * DAY)); // the purchase left the 30-day window
      const night = await events.mark();
      expect((await evaluate()).body).toMatchObject({ downgraded: expect.any(Number) });
      await evaluate();
      expect(await tierEvents(night, m)).toEqual([
        [
          'tier.downgraded',
          {
            memberId: m.id,
            from: SILVER,
            to: MEMBER,
            reason: 'evaluation',
            orderId: null,
            checkoutId: null,
            heldUntil: null,
          },
        ],
      ]);
    } finally {
      t.clock.set(start);
    }
    expectGaplessSequence(await events.ofMember(m.id));
  });

  it('emits the move of a manual assignment, and nothing when it moves nobody or is refused', async () => {
    const m = await t.member();
    const mark = await events.mark();
    const up = await assign(m, { tierCode: 'gold', reason: 'Status match SUP-88', holdDays: 30 });
    expect(up.status).toBe(200);
    await assign(m, { tierCode: 'gold', reason: 'confirmed' }).expect(200); // no move
    await assign(m, { tierCode: 'platinum', reason: 'typo' }).expect(422);
    await assign(m, { tierCode: 'member', reason: 'Status match ended' }).expect(200);
    expect(await tierEvents(mark, m)).toEqual([
      [
        'tier.upgraded',
        {
          memberId: m.id,
          from: MEMBER,
          to: GOLD,
          reason: 'manual',
          orderId: null,
          checkoutId: null,
          heldUntil: up.body.heldUntil,
        },
      ],
      [
        'tier.downgraded',
        {
          memberId: m.id,
          from: GOLD,
          to: MEMBER,
          reason: 'manual',
          orderId: null,
          checkoutId: null,
          heldUntil: null,
        },
      ],
    ]);
    // The staff's reason stays internal.
    expect(JSON.stringify(await events.since(mark))).not.toContain('Status match');
  });

  it('emits tier.upgraded from the nightly job when a member qualifies outside a checkout', async () => {
    const m = await t.member();
    await buyOne(t, m.id, 8000).expect(201); // short of silver
    const silver = (body: Record<string, unknown>) =>
      t
        .api()
        .patch(`/v1/tiers/${tierIds.silver}`)
        .set(bearer(t.keys.marketer))
        .send(body)
        .expect(200);
    const mark = await events.mark();
    await silver({ qualification: { metric: 'spend', threshold: 5000, windowDays: 30 } });
    try {
      await evaluate();
      await evaluate();
    } finally {
      await silver({ qualification: { metric: 'spend', threshold: 10000, windowDays: 30 } });
    }
    expect(await tierEvents(mark, m)).toEqual([
      [
        'tier.upgraded',
        expect.objectContaining({ from: MEMBER, to: SILVER, reason: 'evaluation', orderId: null }),
      ],
    ]);
  });
});
