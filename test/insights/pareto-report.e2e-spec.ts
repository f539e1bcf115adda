import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { History, insertHistories } from './insights-helpers';

const DAY = 86_400_000;
const at = (iso: string): Date => new Date(iso);

/**
 * 100 members whose revenue in March 2025 is, by rank: 1 × 5,000; 4 × 1,000; 5 × 500; 10 × 200;
 * 30 × 50; 50 × 10 — 15,500 in all. So the top 1/5/10/20/50 % earn 5,000 / 9,000 / 11,500 /
 * 13,500 / 15,000.
 */
function marchHistories(): History[] {
  const tiers: [number, number][] = [
    [1, 5000],
    [4, 1000],
    [5, 500],
    [10, 200],
    [30, 50],
    [50, 10],
  ];
  const histories: History[] = [];
  let n = 0;
  for (const [count, revenue] of tiers) {
    for (let i = 0; i < count; i++) {
      const first = Math.floor(revenue / 3);
      histories.push({
        externalId: `p-${++n}`,
        purchases: [
          // Revenue split over two orders in the period; orders outside it do not count.
          { at: at('2025-03-01T00:00:00Z'), amount: first },
          { at: at('2025-03-31T23:30:00Z'), amount: revenue - first },
          { at: at('2025-02-28T23:59:59Z'), amount: 100_000 },
          { at: at('2025-04-01T00:00:00Z'), amount: 100_000 },
        ],
      });
    }
  }
  return histories.reverse();
}

/** Revenue of the top ceil(100 × share) members of March, at each share of the curve. */
const MARCH_CURVE: [number, number][] = [
  [0, 0],
  [0.01, 5000],
  [0.02, 6000],
  [0.05, 9000],
  [0.1, 11_500],
  [0.15, 12_500],
  [0.2, 13_500],
  [0.25, 13_750],
  [0.3, 14_000],
  [0.35, 14_250],
  [0.4, 14_500],
  [0.45, 14_750],
  [0.5, 15_000],
  [0.55, 15_050],
  [0.6, 15_100],
  [0.65, 15_150],
  [0.7, 15_200],
  [0.75, 15_250],
  [0.8, 15_300],
  [0.85, 15_350],
  [0.9, 15_400],
  [0.95, 15_450],
  [1, 15_500],
];

describe('GET /v1/reports/pareto', () => {
  let t: TestApp;
  const pareto = (query: string, key = t.keys.marketer) =>
    t.api().get(`/v1/reports/pareto${query}`).set(bearer(key));

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at('2025-06-01T00:00:00Z'));
    await insertHistories(ledgerOf(t).dataSource, marchHistories());
  });
  afterAll(() => t.close());

  it('gives the revenue share of the top 1, 5, 10, 20 and 50 % of members', async () => {
    const response = await pareto('?from=2025-03-01&to=2025-03-31').expect(200);
    expect(response.body).toEqual({
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-04-01T00:00:00.000Z',
      members: 100,
      revenue: 15_500,
      buckets: [
        { topPercent: 1, members: 1, revenue: 5000, revenueShare: 0.322581 },
        { topPercent: 5, members: 5, revenue: 9000, revenueShare: 0.580645 },
        { topPercent: 10, members: 10, revenue: 11_500, revenueShare: 0.741935 },
        { topPercent: 20, members: 20, revenue: 13_500, revenueShare: 0.870968 },
        { topPercent: 50, members: 50, revenue: 15_000, revenueShare: 0.967742 },
      ],
      curve: expect.any(Array),
    });
  });

  it('draws the concentration curve at 0, 1, 2, 5 % and every 5 % of members', async () => {
    const response = await pareto('?from=2025-03-01&to=2025-03-31').expect(200);
    const curve = response.body.curve as { memberShare: number; revenueShare: number }[];
    expect(curve.map((p) => p.memberShare)).toEqual(MARCH_CURVE.map(([share]) => share));
    curve.forEach((point, i) => {
      const revenue = MARCH_CURVE[i]?.[1] ?? NaN;
      expect(point.revenueShare).toBeCloseTo(revenue / 15_500, 6);
    });
    expect(curve[0]?.revenueShare).toBe(0);
    expect(curve[curve.length - 1]?.revenueShare).toBe(1);
  });

  it('counts revenue net of returns', async () => {
    const m = await t.member();
    t.clock.set(at('2025-03-15T12:00:00Z'));
    await t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', 'pareto-checkout')
      .send({
        member: { id: m.id },
        orderId: 'pareto-1',
        channel: 'store',
        lines: [{ sku: 'TV-1', quantity: 2, unitPrice: 4000 }],
      })
      .expect(201);
    await t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', 'pareto-return')
      .send({ orderId: 'pareto-1', lines: [{ sku: 'TV-1', quantity: 1 }] })
      .expect(201);
    t.clock.set(at('2025-06-01T00:00:00Z'));
    const response = await pareto('?from=2025-03-01&to=2025-03-31').expect(200);
    // 4,000 kept of 8,000: the member is now second, behind the 5,000 one.
    expect(response.body).toMatchObject({ members: 101, revenue: 19_500 });
    expect(response.body.buckets[0]).toEqual({
      topPercent: 1,
      members: 2,
      revenue: 9000,
      revenueShare: 0.461538,
    });
  });

  it('takes date-times as exact bounds, defaults to the last year, and answers an empty period', async () => {
    const narrow = await pareto('?from=2025-03-31T23:00:00Z&to=2025-04-01T00:00:00Z').expect(200);
    expect(narrow.body.members).toBe(100);
    expect(narrow.body.revenue).toBe(15_500 - sumFirstOrders());

    const year = await pareto('').expect(200);
    expect(year.body.to).toBe('2025-06-01T00:00:00.000Z');
    expect(year.body.from).toBe(
      new Date(at('2025-06-01T00:00:00Z').getTime() - 365 * DAY).toISOString(),
    );
    expect(year.body.members).toBe(101);

    const empty = await pareto('?from=2020-01-01&to=2020-12-31').expect(200);
    expect(empty.body).toMatchObject({ members: 0, revenue: 0 });
    expect(empty.body.buckets).toHaveLength(5);
    for (const b of empty.body.buckets) {
      expect(b).toMatchObject({ members: 0, revenue: 0, revenueShare: 0 });
    }
    expect(empty.body.curve).toHaveLength(MARCH_CURVE.length);
    for (const p of empty.body.curve) {
      expect(p.revenueShare).toBe(0);
    }
  });

  it('rounds bucket sizes up, so a small program still has a top 1 %', async () => {
    // Only the checkout of the test above falls on that day.
    const one = await pareto('?from=2025-03-15&to=2025-03-15').expect(200);
    expect(one.body).toMatchObject({ members: 1, revenue: 4000 });
    for (const b of one.body.buckets) {
      expect(b).toMatchObject({ members: 1, revenue: 4000, revenueShare: 1 });
    }
    // The one member is the top 1 % and everyone: the curve jumps to 1 at once.
    expect(one.body.curve.map((p: { revenueShare: number }) => p.revenueShare)).toEqual([
      0,
      ...MARCH_CURVE.slice(1).map(() => 1),
    ]);
  });

  it('validates the period and the caller', async () => {
    expect((await pareto('?from=2025-04-01&to=2025-03-01').expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    await pareto('?from=yesterday').expect(400);
    await pareto('?from=2025-01-01&until=2025-02-01').expect(400);
    await pareto('', t.keys.cashier).expect(403);
    await pareto('', (await t.member()).token).expect(403);
    await t.api().get('/v1/reports/pareto').expect(401);
  });
});

/** The first order of every member (a third of their March revenue, floored). */
function sumFirstOrders(): number {
  return [
    [1, 5000],
    [4, 1000],
    [5, 500],
    [10, 200],
    [30, 50],
    [50, 10],
  ].reduce((sum, [count = 0, revenue = 0]) => sum + count * Math.floor(revenue / 3), 0);
}
