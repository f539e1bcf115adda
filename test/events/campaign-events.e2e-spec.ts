import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { eventsOf, expectGaplessSequence, type StoredEvent } from './events-helpers';

describe('events of surprise-and-delight campaigns', () => {
  let t: TestApp;
  let events: ReturnType<typeof eventsOf>;
  const members: TestMember[] = [];
  const create = async (body: Record<string, unknown>): Promise<string> =>
    (
      await t
        .api()
        .post('/v1/campaigns')
        .set(bearer(t.keys.marketer))
        .send({ audience: { segment: 'all' }, holdoutPercent: 0, cooldownDays: 0, ...body })
        .expect(201)
    ).body.id as string;
  const run = (id: string, dryRun = false) =>
    t
      .api()
      .post(`/v1/campaigns/${id}/run`)
      .set(bearer(t.keys.marketer))
      .send({ dryRun })
      .expect(200);
  const reward = async (body: Record<string, unknown>): Promise<string> =>
    (await t.api().post('/v1/rewards').set(bearer(t.keys.marketer)).send(body).expect(201)).body
      .id as string;
  const grantsOf = (emitted: StoredEvent[]) =>
    emitted.filter((e) => e.type === 'campaign.gift_granted');

  beforeAll(async () => {
    t = await startTestApp();
    events = eventsOf(t);
    for (let i = 0; i < 3; i++) {
      members.push(await t.member());
    }
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('emits campaign.gift_granted per treated member and campaign.run_completed with the counts; a dry run emits nothing', async () => {
    const id = await create({
      name: 'Thank you points',
      gift: { type: 'points', points: 100 },
      budget: { maxGrantsPerRun: 2 },
    });
    const mark = await events.mark();
    expect((await run(id, true)).body).toMatchObject({ dryRun: true, granted: 2 });
    expect(await events.since(mark)).toEqual([]);

    const result = (await run(id)).body as { runId: string; granted: number; skipped: number };
    expect(result).toMatchObject({ granted: 2, skipped: 1 });
    const emitted = await events.since(mark);
    const grants = grantsOf(emitted);
    expect(grants).toHaveLength(2);
    const transactions = await ledgerOf(t).dataSource.query<{ member_id: string; id: string }[]>(
      `SELECT member_id, id FROM ledger_transactions WHERE kind = 'campaign' AND reference->>'runId' = $1`,
      [result.runId],
    );
    for (const grant of grants) {
      expect(grant.data).toEqual({
        memberId: grant.memberId,
        campaignId: id,
        campaignName: 'Thank you points',
        runId: result.runId,
        gift: {
          type: 'points',
          points: 100,
          transactionId: transactions.find((tx) => tx.member_id === grant.memberId)?.id,
          rewardId: null,
          redemptionId: null,
          name: null,
          rewardType: null,
          code: null,
          expiresAt: null,
        },
        fulfilment: null,
      });
    }
    const completed = emitted.filter((e) => e.type === 'campaign.run_completed');
    expect(completed).toEqual([
      {
        id: expect.any(String),
        type: 'campaign.run_completed',
        memberId: null,
        memberSeq: null,
        data: {
          campaignId: id,
          campaignName: 'Thank you points',
          runId: result.runId,
          trigger: 'manual',
          startedAt: expect.any(String),
          finishedAt: expect.any(String),
          eligible: 3,
          holdout: 0,
          granted: 2,
          skipped: 1,
          skippedReasons: {
            chance: 0,
            cooldown: 0,
            budget: 1,
            reward_out_of_stock: 0,
            reward_not_found: 0,
          },
          pointsGranted: 200,
        },
      },
    ]);
    // The run's events come last: after every grant.
    expect(emitted[emitted.length - 1]?.type).toBe('campaign.run_completed');
    for (const m of members) {
      expectGaplessSequence(await events.ofMember(m.id));
    }
  });

  it('tells the shop how to hand over a physical gift or a perk, and the code of a coupon', async () => {
    const book = await reward({ name: 'A summer book', type: 'gift', pointsCost: 0, stock: 2 });
    const lounge = await reward({
      name: 'Lounge access',
      type: 'service_perk',
      pointsCost: 1000,
      value: 'One visit to the members lounge',
    });
    const fiveOff = await reward({
      name: '5.00 off',
      type: 'discount_amount',
      pointsCost: 500,
      value: 500,
      validDays: 30,
    });

    const bookRun = await events.mark();
    const books = (
      await run(await create({ name: 'Books', gift: { type: 'reward', rewardId: book } }))
    ).body as { granted: number; skippedReasons: Record<string, number> };
    expect(books).toMatchObject({ granted: 2, skippedReasons: { reward_out_of_stock: 1 } });
    const bookGrants = grantsOf(await events.since(bookRun));
    expect(bookGrants).toHaveLength(2);
    for (const grant of bookGrants) {
      const gift = grant.data.gift as Record<string, unknown>;
      expect(gift).toMatchObject({
        type: 'reward',
        points: null,
        rewardId: book,
        rewardType: 'gift',
        name: 'A summer book',
        code: null,
      });
      expect(grant.data.fulfilment).toEqual({
        method: 'ship_with_next_order',
        rewardId: book,
        redemptionId: gift.redemptionId,
        description: 'A summer book',
      });
    }

    const loungeRun = await events.mark();
    await run(await create({ name: 'Lounge', gift: { type: 'perk', rewardId: lounge } }));
    const loungeGrants = grantsOf(await events.since(loungeRun));
    expect(loungeGrants.map((g) => g.data.fulfilment)).toEqual(
      members.map((): unknown =>
        expect.objectContaining({
          method: 'hand_over_in_store',
          description: 'Lounge access: One visit to the members lounge',
        }),
      ),
    );

    const couponRun = await events.mark();
    await run(await create({ name: 'Coupons', gift: { type: 'reward', rewardId: fiveOff } }));
    const couponGrants = grantsOf(await events.since(couponRun));
    expect(couponGrants).toHaveLength(3);
    for (const grant of couponGrants) {
      expect(grant.data.gift).toMatchObject({
        rewardType: 'discount_amount',
        code: expect.stringMatching(/^VAFA-/),
      });
      expect(grant.data.fulfilment).toBeNull();
    }
  });
});
