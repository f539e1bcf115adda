import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { buyOne } from '../support/till';

const DAY = 86_400_000;

/**
 * The nightly job and a checkout that upgrades the same member, interleaved at fixed points by
 * table locks held from the test (no timing): the job reads qualification before the checkout's
 * order commits, and comes to the member's standing only after the checkout has upgraded it.
 */
describe('the nightly tier job beside a checkout that upgrades the member', () => {
  let t: TestApp;
  let db: DataSource;
  const buy = (m: TestMember, unitPrice: number) => buyOne(t, m.id, unitPrice, { sku: 'X' });
  const evaluate = () =>
    t.api().post('/v1/tiers/jobs/evaluate').set(bearer(t.keys.admin)).expect(200);
  const waiting = async (condition: string, params: unknown[] = []): Promise<boolean> =>
    (
      await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND ${condition}`,
        params,
      )
    )[0]?.n === 1;
  /** Polls until another session waits as described; fails if it never does. */
  const untilWaiting = async (condition: string, params: unknown[] = []): Promise<void> => {
    for (let i = 0; i < 400 && !(await waiting(condition, params)); i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await waiting(condition, params)).toBe(true);
  };
  const session = async (): Promise<Client> => {
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const marketer = bearer(t.keys.marketer);
    await t
      .api()
      .post('/v1/earning-rules')
      .set(marketer)
      .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
      .expect(201);
    const tier = (body: Record<string, unknown>) =>
      t.api().post('/v1/tiers').set(marketer).send(body).expect(201);
    await tier({
      code: 'member',
      name: 'Member',
      rank: 0,
      qualification: { metric: 'spend', threshold: 0, windowDays: 365 },
    });
    // No grace: a member who falls short is moved down the same night.
    await tier({
      code: 'gold',
      name: 'Gold',
      rank: 1,
      qualification: { metric: 'spend', threshold: 50000, windowDays: 30 },
      downgradeGraceDays: 0,
    });
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('does not downgrade a member a checkout upgraded while the job decided, and welcomes them once', async () => {
    const m = await t.member();
    expect((await buy(m, 40000).expect(201)).body.tier.code).toBe('member');
    const orders = await session();
    const standings = await session();
    try {
      // 1. The checkout reads the member's tier, then waits to write its order.
      await orders.query('BEGIN');
      await orders.query('LOCK TABLE orders IN SHARE MODE');
      const checkout = buy(m, 20000).then((response) => response);
      await untilWaiting(`query LIKE '%INSERT INTO orders%'`);
      // 2. Standings are closed to newcomers; the checkout, already reading them, may go on.
      const [{ pid }] = (await standings.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))
        .rows as [{ pid: number }];
      await standings.query('BEGIN');
      const closed = standings.query('LOCK TABLE member_tiers IN ACCESS EXCLUSIVE MODE');
      await untilWaiting('pid = $1', [pid]);
      // 3. The job starts (qualification can be read: the order is not there) and waits for standings.
      const night = evaluate().then((response) => response);
      await untilWaiting(`query LIKE '%FROM member_tiers%' AND pid <> $1`, [pid]);
      // 4. The checkout writes its order and upgrades the member; only then does the job go on.
      await orders.query('COMMIT');
      expect((await checkout).body).toMatchObject({ tier: { code: 'gold' } });
      await closed;
      await standings.query('COMMIT');
      expect((await night).body).toMatchObject({ downgraded: 0 });
    } finally {
      await orders.end();
      await standings.end();
    }
    const start = t.clock.now();
    try {
      t.clock.set(new Date(start.getTime() + DAY)); // the next night
      expect((await evaluate()).body).toMatchObject({ upgraded: 0, downgraded: 0 });
    } finally {
      t.clock.set(start);
    }
    const [standing] = await db.query<{ tier_code: string }[]>(
      'SELECT tier_code FROM member_tiers WHERE member_id = $1',
      [m.id],
    );
    expect(standing?.tier_code).toBe('gold');
    const tierMessages = await db.query<{ description: string }[]>(
      `SELECT description FROM ledger_transactions WHERE member_id = $1 AND kind = 'tier' ORDER BY occurred_at, created_at`,
      [m.id],
    );
    expect(tierMessages.map((r) => r.description)).toEqual([
      'Welcome to Gold! Your new tier starts now.',
    ]);
  });
});
