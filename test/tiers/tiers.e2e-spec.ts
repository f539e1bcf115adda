import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { Client } from 'pg';
import { ledgerOf } from '../support/ledger-helpers';
import { buyOne } from '../support/till';

const DAY = 86_400_000;

describe('tiers: status that moves at once, and downgrades only at night after grace', () => {
  let t: TestApp;
  const tier = (body: Record<string, unknown>) =>
    t.api().post('/v1/tiers').set(bearer(t.keys.marketer)).send(body);
  const buy = (m: TestMember, unitPrice: number, sku = 'ITEM') =>
    buyOne(t, m.id, unitPrice, { sku }).expect(201);
  const evaluate = () =>
    t.api().post('/v1/tiers/jobs/evaluate').set(bearer(t.keys.admin)).expect(200);
  const tokenFor = async (m: TestMember): Promise<string> =>
    (await t.api().post(`/v1/members/${m.id}/tokens`).set(bearer(t.keys.integration)).expect(201))
      .body.token as string;
  type MeView = {
    tier: { code: string; name: string; benefits: unknown };
    tierProgress: Record<string, unknown> | null;
  };
  const me = async (m: TestMember): Promise<MeView> =>
    (
      await t
        .api()
        .get('/v1/me')
        .set(bearer(await tokenFor(m)))
        .expect(200)
    ).body as MeView;

  beforeAll(async () => {
    t = await startTestApp();
    await t
      .api()
      .post('/v1/earning-rules')
      .set(bearer(t.keys.marketer))
      .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
      .expect(201);
    await tier({
      code: 'member',
      name: 'Member',
      rank: 0,
      qualification: { metric: 'spend', threshold: 0, windowDays: 365 },
    }).expect(201);
    await tier({
      code: 'gold',
      name: 'Gold',
      rank: 1,
      qualification: { metric: 'spend', threshold: 50000, windowDays: 30 },
      benefits: { pointsMultiplier: 2, perks: ['free_delivery'] },
      downgradeGraceDays: 10,
    }).expect(201);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('validates tiers and keeps codes and ranks unique', async () => {
    expect(
      (
        await tier({
          code: 'gold',
          name: 'x',
          rank: 5,
          qualification: { metric: 'spend', threshold: 1, windowDays: 1 },
        }).expect(409)
      ).body.error.code,
    ).toBe('TIER_EXISTS');
    await tier({
      code: 'x',
      name: 'x',
      rank: 9,
      qualification: { metric: 'visits', threshold: 1, windowDays: 1 },
    }).expect(400);
    await t.api().post('/v1/tiers').set(bearer(t.keys.cashier)).send({}).expect(403);
    const list = await t.api().get('/v1/tiers').set(bearer(t.keys.marketer)).expect(200);
    expect(list.body.items.map((i: { code: string }) => i.code)).toEqual(['member', 'gold']);
    // Tier definitions are configuration; tills and shops see a member's tier on the member.
    const gold = (list.body.items as { id: string; code: string }[]).find((i) => i.code === 'gold');
    for (const key of [t.keys.cashier, t.keys.integration]) {
      await t.api().get('/v1/tiers').set(bearer(key)).expect(403);
      await t.api().get(`/v1/tiers/${gold?.id}`).set(bearer(key)).expect(403);
    }
  });

  it('starts members in the lowest tier, with progress to the next', async () => {
    const m = await t.member();
    const view = await me(m);
    expect(view.tier).toMatchObject({ code: 'member', name: 'Member' });
    expect(view.tierProgress).toMatchObject({
      nextTier: 'gold',
      metric: 'spend',
      current: 0,
      required: 50000,
      remaining: 50000,
      windowEndsAt: null,
    });
    await buy(m, 20000);
    expect((await me(m)).tierProgress).toMatchObject({
      current: 20000,
      remaining: 30000,
      windowEndsAt: expect.any(String),
    });
  });

  it('upgrades inside the checkout that crosses the threshold; later checkouts use the multiplier', async () => {
    const m = await t.member();
    const first = await buy(m, 30000);
    expect(first.body.tier).toMatchObject({ code: 'member' });
    const crossing = await buy(m, 20000);
    expect(crossing.body).toMatchObject({
      tier: { code: 'gold', name: 'Gold' },
      pointsEarned: 200,
    });
    const later = await buy(m, 10000);
    expect(later.body.pointsEarned).toBe(200); // 100 base + 100 for Gold ×2
    expect(later.body.appliedRules).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'tier:gold', points: 100 })]),
    );
    expect((await me(m)).tier).toMatchObject({
      code: 'gold',
      benefits: { pointsMultiplier: 2, perks: ['free_delivery'] },
    });
    const activity = await t
      .api()
      .get(`/v1/members/${m.id}/activity`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(activity.body.items.map((i: { type: string }) => i.type)).toContain('tier');
  });

  it('downgrades only at night, after the grace period, when the window no longer qualifies', async () => {
    const m = await t.member();
    await buy(m, 60000);
    expect((await me(m)).tier.code).toBe('gold');
    const start = t.clock.now();
    try {
      t.clock.set(new Date(start.getTime() + 31 * DAY)); // the purchase left the 30-day window
      await buy(m, 100); // a purchase never downgrades
      expect((await me(m)).tier.code).toBe('gold');
      await evaluate(); // first night short: grace starts
      expect((await me(m)).tier.code).toBe('gold');
      t.clock.set(new Date(start.getTime() + 40 * DAY));
      await evaluate(); // 9 days of grace
      expect((await me(m)).tier.code).toBe('gold');
      t.clock.set(new Date(start.getTime() + 41 * DAY + 1000));
      const night = await evaluate();
      expect(night.body.downgraded).toBeGreaterThanOrEqual(1);
      expect((await me(m)).tier.code).toBe('member');
      const again = await evaluate();
      expect(again.body).toMatchObject({ upgraded: 0, downgraded: 0 });
    } finally {
      t.clock.set(start);
    }
  });

  it('decides from a standing that changed while the job ran, not from the one before', async () => {
    const m = await t.member();
    await buy(m, 60000);
    const start = t.clock.now();
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      t.clock.set(new Date(start.getTime() + 31 * DAY));
      await evaluate(); // short of gold: grace starts
      const tonight = new Date(start.getTime() + 41 * DAY + 1000);
      t.clock.set(tonight); // grace over: tonight would downgrade
      // Meanwhile another transaction (as a checkout would) clears the grace and holds the row.
      await other.query('BEGIN');
      await other.query(
        'UPDATE member_tiers SET below_since = NULL, updated_at = now() WHERE member_id = $1',
        [m.id],
      );
      const night = evaluate().then((response) => response); // then() sends the request now
      // The job waits for the row the other holds before it reads standing or qualification.
      const waiting = async (): Promise<boolean> =>
        (
          await ledgerOf(t).dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE datname = current_database()
               AND wait_event_type = 'Lock' AND query LIKE '%member_tiers%'`,
          )
        )[0]?.n === 1;
      for (let i = 0; i < 200 && !(await waiting()); i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(await waiting()).toBe(true);
      await other.query('COMMIT');
      expect((await night).body.downgraded).toBe(0);
      expect((await me(m)).tier.code).toBe('gold');
      const [row] = await ledgerOf(t).dataSource.query<{ below_since: Date | null }[]>(
        'SELECT below_since FROM member_tiers WHERE member_id = $1',
        [m.id],
      );
      // Decided from the cleared standing: still short of gold, so a new grace starts tonight.
      expect(row?.below_since?.getTime()).toBe(tonight.getTime());
    } finally {
      await other.end();
      t.clock.set(start);
    }
  });

  it('counts returns against qualification', async () => {
    const m = await t.member();
    const order = await buy(m, 50000, 'BIG');
    expect(order.body.tier.code).toBe('gold');
    await t
      .api()
      .post('/v1/pos/returns')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', `r-${order.body.orderId}`)
      .send({ orderId: order.body.orderId, lines: [{ sku: 'BIG', quantity: 1 }] })
      .expect(201);
    expect((await me(m)).tier.code).toBe('gold'); // no downgrade in the middle of the day
    expect((await me(m)).tierProgress).toBeNull();
    const start = t.clock.now();
    try {
      await evaluate();
      t.clock.set(new Date(start.getTime() + 10 * DAY + 1000));
      await evaluate();
      expect((await me(m)).tier.code).toBe('member');
    } finally {
      t.clock.set(start);
    }
  });
});
