import { DataSource } from 'typeorm';
// Test-only generators kept beside the math they check; not the library's API.
// eslint-disable-next-line no-restricted-imports
import { smallShopTransactions } from '../../libs/insights/src/testing/small-shop';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { historiesOf, insertHistories } from './insights-helpers';

const HISTORY_END = new Date('2025-01-01T00:00:00Z');
const ROUND = /^(1|2|25|5)0*$/;

interface Bucket {
  from: number;
  to: number | null;
  members: number;
}

/** Issue #14 item 3: the CLV model's status, plainly, and the distribution of its predictions. */
describe('GET /v1/reports/clv', () => {
  let t: TestApp;
  let db: DataSource;
  const clv = (key = t.keys.marketer) => t.api().get('/v1/reports/clv').set(bearer(key));
  let shops = 0;
  /** One shop at a time: the previous shop's purchases are gone (its members stay, idle). */
  const openShop = async (members: number, seed: number): Promise<void> => {
    await db.query("DELETE FROM orders WHERE order_id LIKE 'test-%'");
    shops += 1;
    const histories = historiesOf(smallShopTransactions({ members, seed, asOf: HISTORY_END }));
    await insertHistories(
      db,
      histories.map((h) => ({ ...h, externalId: `${shops}-${h.externalId}` })),
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    t.clock.set(new Date('2025-03-01T12:00:00Z'));
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('says plainly what is needed on an empty program', async () => {
    expect((await clv().expect(200)).body).toEqual({
      status: 'insufficient_history',
      need:
        'At least 20 customers with purchases, 10 of them with a repeat purchase, are needed; ' +
        'there are 0, 0 of them with a repeat purchase.',
      model: null,
      currency: 'USD',
      horizonDays: 365,
      members: 0,
      histogram: [],
    });
  });

  it('counts the customers a fit would count when there are too few', async () => {
    await openShop(10, 1);
    const [counted] = await db.query<{ repeat: number }[]>(
      `SELECT count(*)::int AS repeat FROM (
         SELECT member_id FROM orders GROUP BY member_id
         HAVING count(DISTINCT (occurred_at AT TIME ZONE 'UTC')::date) > 1) r`,
    );
    const repeat = counted?.repeat;
    const body = (await clv().expect(200)).body;
    expect(body).toMatchObject({ status: 'insufficient_history', model: null, histogram: [] });
    expect(body.need).toBe(
      'At least 20 customers with purchases, 10 of them with a repeat purchase, are needed; ' +
        `there are 10, ${repeat} of them with a repeat purchase.`,
    );
    // The fit refuses the same history with the same numbers.
    const refused = await t
      .api()
      .post('/v1/insights/models/fit')
      .set(bearer(t.keys.marketer))
      .send({})
      .expect(422);
    expect(refused.body.error.details).toMatchObject({ customers: 10, repeatCustomers: repeat });
  });

  it('says a fit may be tried once the history is enough', async () => {
    await openShop(100, 3);
    const body = (await clv().expect(200)).body;
    expect(body).toMatchObject({ status: 'not_fitted', model: null, members: 0, histogram: [] });
    expect(body.need).toMatch(/^No model has been fitted yet; the history is enough to try/);
    expect(body.need).toMatch(/at least 200 repeat buyers over at least 26 weeks/);
  });

  it('shows the fitted model and its predictions in round buckets up to the 99th percentile', async () => {
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ currency: 'EUR' })
      .expect(200);
    await t
      .api()
      .post('/v1/insights/models/fit')
      .set(bearer(t.keys.marketer))
      .send({ asOf: '2024-12-31' })
      .expect(201);
    const [latest] = (
      await t.api().get('/v1/insights/models').set(bearer(t.keys.marketer)).expect(200)
    ).body.items;
    const body = (await clv().expect(200)).body;
    expect(body).toMatchObject({
      status: 'fitted',
      need: null,
      model: latest,
      currency: 'EUR',
      horizonDays: 365,
      members: 100,
    });

    const values = (
      await db.query<{ clv: number }[]>('SELECT clv FROM member_insights ORDER BY clv')
    ).map((r) => r.clv);
    const p99 = values[Math.ceil(0.99 * values.length) - 1] as number;
    const histogram = body.histogram as Bucket[];
    const open = histogram[histogram.length - 1] as Bucket;
    const closed = histogram.slice(0, -1);
    const width = (closed[0]?.to ?? NaN) - (closed[0]?.from ?? NaN);
    expect(String(width)).toMatch(ROUND);
    expect(closed.length).toBeGreaterThanOrEqual(5);
    expect(closed.length).toBeLessThanOrEqual(10);
    closed.forEach((bucket, i) =>
      expect(bucket).toMatchObject({ from: i * width, to: (i + 1) * width }),
    );
    // The closed buckets end at the first edge at or above the 99th percentile.
    expect(open).toMatchObject({ from: closed.length * width, to: null });
    expect(open.from).toBeGreaterThanOrEqual(p99);
    expect(open.from - width).toBeLessThan(p99);
    // Every member in the bucket their prediction falls in.
    for (const bucket of histogram) {
      const inside = values.filter(
        (v) => v >= bucket.from && (bucket.to === null || v < bucket.to),
      );
      expect({ from: bucket.from, members: bucket.members }).toEqual({
        from: bucket.from,
        members: inside.length,
      });
    }
    expect(histogram.reduce((sum, b) => sum + b.members, 0)).toBe(100);
  });

  it('is for marketers and admins', async () => {
    await clv(t.keys.admin).expect(200);
    await clv(t.keys.cashier).expect(403);
    await clv(t.keys.integration).expect(403);
    await clv((await t.member()).token).expect(403);
    await t.api().get('/v1/reports/clv').expect(401);
  });
});
