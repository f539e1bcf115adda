import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventOutbox, EventType } from '@vafa/platform';
import { bearer, startTestApp, TestApp } from '../support/test-app';

interface Envelope {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}
interface EventPage {
  items: Envelope[];
  nextCursor: string | null;
}

describe('GET /v1/events', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ env: { VAFA_WEBHOOKS: 'off' } });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const emit = (type: EventType, data: Record<string, unknown>, memberId?: string) =>
    db.transaction((m) => t.app.get(EventOutbox).emit(m, { type, memberId, data }));

  /**
   * Waits until every event written so far is listable: the feed shows only events of
   * transactions older than every running one, and the other test workers share this cluster.
   */
  const untilListable = async (): Promise<void> => {
    for (let attempt = 0; attempt < 400; attempt++) {
      const [row] = await db.query<{ listable: boolean }[]>(
        `SELECT coalesce((SELECT max(tx_id) FROM events) < pg_snapshot_xmin(pg_current_snapshot())::text::bigint, true) AS listable`,
      );
      if (row?.listable) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('events stayed behind a running transaction for 10 s');
  };

  const page = async (query: string, key = t.keys.integration): Promise<EventPage> =>
    (await t.api().get(`/v1/events${query}`).set(bearer(key)).expect(200)).body as EventPage;

  /** Every page from a first query on, following nextCursor. */
  const all = async (query: string): Promise<Envelope[]> => {
    const items: Envelope[] = [];
    let next: EventPage = await page(query);
    items.push(...next.items);
    while (next.nextCursor) {
      const sep = query ? '&' : '?';
      next = await page(`${query}${sep}cursor=${next.nextCursor}`);
      items.push(...next.items);
    }
    return items;
  };

  it('lists events oldest first in pages, as webhooks deliver them', async () => {
    const since = new Date(Date.UTC(2032, 0, 1));
    t.clock.set(since);
    const memberId = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await emit('points.earned', { memberId, points: i }, memberId));
    }
    ids.push(await emit('campaign.run_completed', { runId: 'r1' }));
    await untilListable();

    const first = await page(`?since=${since.toISOString()}&limit=2`);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const listed = await all(`?since=${since.toISOString()}&limit=2`);
    expect(listed.map((e) => e.id)).toEqual(ids);
    expect(listed[0]).toEqual({
      id: ids[0],
      type: 'points.earned',
      timestamp: since.toISOString(),
      data: { memberId, memberSeq: 1, points: 0 },
    });
    expect(listed[4]!.data).toMatchObject({ memberSeq: 5, points: 4 });
    expect(listed[5]).toMatchObject({ type: 'campaign.run_completed', data: { runId: 'r1' } });

    const earned = await all(`?since=${since.toISOString()}&type=campaign.run_completed`);
    expect(earned.map((e) => e.id)).toEqual([ids[5]]);
    const later = await page(`?since=${new Date(since.getTime() + 1).toISOString()}`);
    expect(later.items.filter((e) => ids.includes(e.id))).toEqual([]);
    expect((await page('?since=2032-01-01', t.keys.admin)).items.length).toBeGreaterThanOrEqual(6);
  });

  it('never pages past an event whose transaction commits late', async () => {
    const since = new Date(Date.UTC(2033, 0, 1));
    t.clock.set(since);
    const query = `?since=${since.toISOString()}`;
    const slow = db.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    try {
      const late = await t.app
        .get(EventOutbox)
        .emit(slow.manager, { type: 'coupon.used', data: { order: 'first' } });
      const quick = await emit('coupon.used', { order: 'second' });
      // The quick event committed, but one begun before it is still open: neither is listed.
      expect((await page(query)).items).toEqual([]);
      await slow.commitTransaction();

      const deadline = Date.now() + 10_000;
      let listed: string[] = [];
      while (listed.length < 2 && Date.now() < deadline) {
        listed = (await page(query)).items.map((e) => e.id);
        if (listed.length < 2) {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      expect(listed).toEqual([late, quick]);
    } finally {
      await slow.release();
    }
  });

  it.each([
    ['an unknown type', '?type=points.stolen'],
    ['a since that is no time', '?since=yesterday'],
    ['a cursor of another list', `?cursor=${Buffer.from('["x"]').toString('base64url')}`],
    ['a limit over 200', '?limit=201'],
  ])('refuses %s with 400', async (_case, query) => {
    const response = await t
      .api()
      .get(`/v1/events${query}`)
      .set(bearer(t.keys.integration))
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('is for admins and integrations only', async () => {
    await t.api().get('/v1/events').set(bearer(t.keys.marketer)).expect(403);
    await t.api().get('/v1/events').set(bearer(t.keys.cashier)).expect(403);
    const member = await t.member();
    await t.api().get('/v1/events').set(bearer(member.token)).expect(403);
    await t.api().get('/v1/events').expect(401);
    await t.api().post('/v1/events/jobs/delete-old').set(bearer(t.keys.integration)).expect(403);
  });

  it('keeps events 30 days: the daily job deletes older ones with their deliveries', async () => {
    const start = new Date(Date.UTC(2034, 0, 1));
    t.clock.set(start);
    const old = await emit('coupon.expired', { n: 1 });
    const endpoint = await t
      .api()
      .post('/v1/webhook-endpoints')
      .set(bearer(t.keys.admin))
      .send({ url: 'https://hooks.invalid/x' })
      .expect(201);
    const test = await t
      .api()
      .post(`/v1/webhook-endpoints/${(endpoint.body as { id: string }).id}/test`)
      .set(bearer(t.keys.admin))
      .expect(202);
    t.clock.advanceDays(2);
    const recent = await emit('coupon.expired', { n: 2 });

    t.clock.set(new Date(start.getTime() + 30 * 86_400_000 + 1000));
    const ran = await t
      .api()
      .post('/v1/events/jobs/delete-old')
      .set(bearer(t.keys.admin))
      .expect(200);
    expect(ran.body).toEqual({ ran: true, deleted: expect.any(Number) });
    expect(ran.body.deleted).toBeGreaterThanOrEqual(2);
    await untilListable();
    const left = (await all(`?since=${start.toISOString()}`)).map((e) => e.id);
    expect(left).toEqual([recent]);
    expect(left).not.toContain(old);
    const deliveries = await db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM webhook_deliveries WHERE event_id = $1`,
      [(test.body as { eventId: string }).eventId],
    );
    expect(deliveries[0]!.n).toBe('0');
  });
});
