import { DataSource } from 'typeorm';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';

/** Each condition through the real till: a rule's bonus shows only when its condition holds. */
describe('earning rule conditions at checkout', () => {
  let t: TestApp;
  let m: TestMember;
  const monday = '2026-11-23T12:00:00Z';
  const tuesday = '2026-11-24T12:00:00Z';
  const order = (extra: Record<string, unknown> = {}) => ({
    member: { id: m.id },
    orderId: 'sim',
    channel: 'store',
    occurredAt: tuesday,
    lines: [{ sku: 'TEA-1', category: 'tea', quantity: 1, unitPrice: 2000 }],
    ...extra,
  });
  const earned = async (
    body: Record<string, unknown>,
    as: 'cashier' | 'admin' = 'admin',
  ): Promise<number> =>
    (
      (
        await t
          .api()
          .post('/v1/pos/checkouts/simulate')
          .set(bearer(t.keys[as]))
          .send(body)
          .expect(200)
      ).body as { pointsEarned: number }
    ).pointsEarned;

  const withRule = async (
    conditions: Record<string, unknown>,
    check: () => Promise<void>,
    limits?: Record<string, unknown>,
  ) => {
    const created = await t
      .api()
      .post('/v1/earning-rules')
      .set(bearer(t.keys.marketer))
      .send({
        name: 'Bonus',
        effect: { fixedPoints: 7 },
        conditions,
        ...(limits ? { limits } : {}),
      })
      .expect(201);
    try {
      await check();
    } finally {
      await t
        .api()
        .delete(`/v1/earning-rules/${created.body.id}`)
        .set(bearer(t.keys.marketer))
        .expect(204);
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2026-11-25T00:00:00Z'));
    m = await t.member();
  });
  afterAll(() => t.close());

  it('channels', () =>
    withRule({ channels: ['online'] }, async () => {
      expect(await earned(order({ channel: 'online' }))).toBe(7);
      expect(await earned(order({ channel: 'store' }))).toBe(0);
    }));

  it('stores', () =>
    withRule({ storeIds: ['store-1'] }, async () => {
      expect(await earned(order(), 'cashier')).toBe(7); // the cashier key's store
      expect(await earned(order({ storeId: 'store-9' }))).toBe(0);
    }));

  it('tiers (members without the tier do not qualify)', () =>
    withRule({ tiers: ['gold'] }, async () => {
      expect(await earned(order())).toBe(0);
    }));

  it('categories and SKUs', async () => {
    await withRule({ categories: ['tea'] }, async () => {
      expect(await earned(order())).toBe(7);
      expect(
        await earned(
          order({ lines: [{ sku: 'X', category: 'coffee', quantity: 1, unitPrice: 100 }] }),
        ),
      ).toBe(0);
    });
    await withRule({ skus: ['TEA-1'] }, async () => {
      expect(await earned(order())).toBe(7);
      expect(await earned(order({ lines: [{ sku: 'TEA-2', quantity: 1, unitPrice: 100 }] }))).toBe(
        0,
      );
    });
  });

  it('minimum order total', () =>
    withRule({ minOrderTotal: 2000 }, async () => {
      expect(await earned(order())).toBe(7);
      expect(await earned(order({ lines: [{ sku: 'TEA-1', quantity: 1, unitPrice: 1999 }] }))).toBe(
        0,
      );
    }));

  it('days of week', () =>
    withRule({ daysOfWeek: [1] }, async () => {
      expect(await earned(order({ occurredAt: monday }))).toBe(7);
      expect(await earned(order({ occurredAt: tuesday }))).toBe(0);
    }));

  it('validity window', () =>
    withRule(
      { validFrom: '2026-11-24T00:00:00Z', validUntil: '2026-11-24T23:00:00Z' },
      async () => {
        expect(await earned(order({ occurredAt: tuesday }))).toBe(7);
        expect(await earned(order({ occurredAt: monday }))).toBe(0);
      },
    ));

  it('per-member daily limit', () =>
    withRule(
      {},
      async () => {
        const buy = (orderId: string) =>
          t
            .api()
            .post('/v1/pos/checkouts')
            .set(bearer(t.keys.cashier))
            .set('Idempotency-Key', orderId)
            .send(order({ orderId }))
            .expect(201);
        expect((await buy('lim-1')).body.pointsEarned).toBe(7);
        expect((await buy('lim-2')).body.pointsEarned).toBe(0);
        expect(await earned(order({ occurredAt: '2026-11-24T23:59:00Z' }))).toBe(0);
      },
      { perMemberPerDay: 1 },
    ));

  it('counts daily uses only for the rules that have a daily limit', async () => {
    const make = async (name: string, limits?: Record<string, unknown>): Promise<string> =>
      (
        await t
          .api()
          .post('/v1/earning-rules')
          .set(bearer(t.keys.marketer))
          .send({ name, effect: { fixedPoints: 3 }, ...(limits ? { limits } : {}) })
          .expect(201)
      ).body.id as string;
    const limited = await make('Limited', { perMemberPerDay: 5 });
    const unlimited = await make('Unlimited');
    try {
      const bought = await t
        .api()
        .post('/v1/pos/checkouts')
        .set(bearer(t.keys.cashier))
        .set('Idempotency-Key', 'uses-1')
        .send(order({ orderId: 'uses-1' }))
        .expect(201);
      expect(bought.body.pointsEarned).toBe(6); // both rules applied
      const counted = await t.app
        .get(DataSource)
        .query<{ rule_id: string; uses: number }[]>(
          'SELECT rule_id, uses FROM earning_rule_usage WHERE member_id = $1',
          [m.id],
        );
      expect(counted.filter((c) => c.rule_id === unlimited)).toEqual([]);
      expect(counted.filter((c) => c.rule_id === limited)).toEqual([{ rule_id: limited, uses: 1 }]);
    } finally {
      for (const id of [limited, unlimited]) {
        await t.api().delete(`/v1/earning-rules/${id}`).set(bearer(t.keys.marketer)).expect(204);
      }
    }
  });
});
