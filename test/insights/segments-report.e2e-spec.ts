import { DataSource } from 'typeorm';
import { RFM_SEGMENTS } from '@vafa/insights';
// Test-only generators kept beside the math they check; not the library's API.
// eslint-disable-next-line no-restricted-imports
import { smallShopTransactions } from '../../libs/insights/src/testing/small-shop';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { History, historiesOf, insertHistories } from './insights-helpers';

const HISTORY_END = new Date('2025-01-01T00:00:00Z');
const PERIOD = { from: '2024-07-01', to: '2024-12-31' };
const PERIOD_START = new Date('2024-07-01T00:00:00Z');

interface SegmentRow {
  segment: string;
  members: number;
  revenue: number;
}

/** Issue #14 item 3: the RFM segment grid, and the members behind each cell. */
describe('GET /v1/reports/segments and GET /v1/members?segment=', () => {
  let t: TestApp;
  let histories: History[];
  /** Member id → external id. */
  const externalIds = new Map<string, string>();
  const segments = (query: Record<string, string> = PERIOD, key = t.keys.marketer) =>
    t.api().get('/v1/reports/segments').query(query).set(bearer(key));
  const membersOf = async (segment: string, key = t.keys.marketer): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t
        .api()
        .get('/v1/members')
        .query({ segment, limit: 7, ...(cursor ? { cursor } : {}) })
        .set(bearer(key))
        .expect(200);
      ids.push(...page.body.items.map((m: { id: string }) => m.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  };
  /** A member's imported purchases in the period. */
  const periodRevenue = (memberId: string): number =>
    (histories.find((h) => h.externalId === externalIds.get(memberId))?.purchases ?? [])
      .filter((p) => p.at >= PERIOD_START && p.at < HISTORY_END)
      .reduce((sum, p) => sum + p.amount, 0);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2025-03-01T12:00:00Z'));
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('lists every segment with zeros before the first fit', async () => {
    const empty = await segments().expect(200);
    expect(empty.body).toEqual({
      from: '2024-07-01T00:00:00.000Z',
      to: '2025-01-01T00:00:00.000Z',
      modelId: null,
      asOf: null,
      members: 0,
      segments: RFM_SEGMENTS.map((segment) => ({ segment, members: 0, revenue: 0 })),
    });
    expect((await membersOf('champions')).length).toBe(0);
  });

  it("counts members by their latest segment, with their period's revenue net of returns", async () => {
    histories = historiesOf(smallShopTransactions({ members: 100, seed: 3, asOf: HISTORY_END }));
    const ids = await insertHistories(t.app.get(DataSource), histories);
    for (const [externalId, id] of ids) {
      externalIds.set(id, externalId);
    }
    const model = (
      await t
        .api()
        .post('/v1/insights/models/fit')
        .set(bearer(t.keys.marketer))
        .send({ asOf: '2024-12-31' })
        .expect(201)
    ).body;

    // A scored member buys two at the till in the period and brings one back: 4,000 kept.
    const buyer = [...ids.values()][0] as string;
    t.clock.set(new Date('2024-12-01T12:00:00Z'));
    await t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', 'segments-checkout')
      .send({
        member: { id: buyer },
        orderId: 'segments-1',
        channel: 'store',
        lines: [{ sku: 'TV', quantity: 2, unitPrice: 4000 }],
      })
      .expect(201);
    await t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', 'segments-return')
      .send({ orderId: 'segments-1', lines: [{ sku: 'TV', quantity: 1 }] })
      .expect(201);
    t.clock.set(new Date('2025-03-01T12:00:00Z'));

    const report = (await segments().expect(200)).body;
    expect(report).toMatchObject({ modelId: model.id, asOf: model.asOf, members: 100 });
    expect(report.segments.map((s: SegmentRow) => s.segment)).toEqual([...RFM_SEGMENTS]);
    expect(report.segments.filter((s: SegmentRow) => s.members > 0).length).toBeGreaterThan(3);

    let listed = 0;
    for (const row of report.segments as SegmentRow[]) {
      const members = await membersOf(row.segment);
      listed += members.length;
      expect({ segment: row.segment, members: members.length }).toEqual({
        segment: row.segment,
        members: row.members,
      });
      const revenue = members.reduce(
        (sum, id) => sum + periodRevenue(id) + (id === buyer ? 4000 : 0),
        0,
      );
      expect({ segment: row.segment, revenue: row.revenue }).toEqual({
        segment: row.segment,
        revenue,
      });
    }
    expect(listed).toBe(100);

    // Outside the period nothing was bought: every segment keeps its members, with no revenue.
    const later = (await segments({ from: '2025-01-01', to: '2025-02-28' }).expect(200)).body;
    expect(later.members).toBe(100);
    for (const row of later.segments as SegmentRow[]) {
      expect(row.revenue).toBe(0);
      expect(row.members).toBe(
        report.segments.find((s: SegmentRow) => s.segment === row.segment).members,
      );
    }
  });

  it('filters members by segment together with the other filters', async () => {
    const report = (await segments().expect(200)).body;
    const [first, second] = (report.segments as SegmentRow[]).filter((s) => s.members > 0);
    const memberId = (await membersOf(first!.segment))[0] as string;
    const externalId = externalIds.get(memberId) as string;
    const found = await t
      .api()
      .get('/v1/members')
      .query({ segment: first!.segment, externalId })
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(found.body.items.map((m: { id: string }) => m.id)).toEqual([memberId]);
    const elsewhere = await t
      .api()
      .get('/v1/members')
      .query({ segment: second!.segment, externalId })
      .set(bearer(t.keys.admin))
      .expect(200);
    expect(elsewhere.body.items).toEqual([]);
  });

  it('refuses unknown segments, bad periods, and callers who may not read insights', async () => {
    for (const segment of ['vip', 'Champions', '', 'champions;drop']) {
      const refused = await t
        .api()
        .get('/v1/members')
        .query({ segment })
        .set(bearer(t.keys.marketer))
        .expect(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    for (const key of [t.keys.cashier, t.keys.integration]) {
      const refused = await t
        .api()
        .get('/v1/members')
        .query({ segment: 'champions' })
        .set(bearer(key))
        .expect(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
    await t.api().get('/v1/members').set(bearer(t.keys.cashier)).expect(200);

    const bad: Record<string, string>[] = [
      { from: '2024-12-31', to: '2024-07-01' },
      { from: 'July' },
      { to: '2024-13-01' },
    ];
    for (const query of bad) {
      expect((await segments(query).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    }
    await segments(PERIOD, t.keys.admin).expect(200);
    await segments(PERIOD, t.keys.cashier).expect(403);
    await segments(PERIOD, (await t.member()).token).expect(403);
    await t.api().get('/v1/reports/segments').expect(401);
  });
});
