import { DataSource } from 'typeorm';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';

const DAY = 86_400_000;

describe('surprise-and-delight campaigns', () => {
  let t: TestApp;
  let db: DataSource;
  const create = (body: Record<string, unknown>) =>
    t.api().post('/v1/campaigns').set(bearer(t.keys.marketer)).send(body);
  const run = (id: string, dryRun = false) =>
    t
      .api()
      .post(`/v1/campaigns/${id}/run`)
      .set(bearer(t.keys.marketer))
      .send({ dryRun })
      .expect(200);
  const members: TestMember[] = [];
  const campaignPoints = async (memberIds: string[], campaignId?: string): Promise<number> =>
    Number(
      (
        await db.query(
          `SELECT coalesce(sum(points), 0) AS p FROM ledger_transactions WHERE kind = 'campaign' AND member_id = ANY($1::uuid[])
           AND ($2::text IS NULL OR reference->>'campaignId' = $2)`,
          [memberIds, campaignId ?? null],
        )
      )[0].p,
    );

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    for (let i = 0; i < 40; i++) {
      members.push(await t.member({ birthDate: i < 3 ? '1990-01-15' : '1985-06-01' }));
    }
    // Scores as the insights job would leave them: member i has CLV i, the first ten are champions.
    await db.query(
      `INSERT INTO member_insights (member_id, scored_at, recency_days, frequency, monetary, recency_score, frequency_score,
         monetary_score, rfm_segment, clv) SELECT id, now(), 1, 1, 1, 5, 5, 5, CASE WHEN n <= 10 THEN 'champions' ELSE 'hibernating' END, n
       FROM unnest($1::uuid[]) WITH ORDINALITY AS m(id, n)`,
      [members.map((m) => m.id)],
    );
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('validates campaigns', async () => {
    await create({
      name: 'x',
      audience: { segment: 'top_clv_percent' },
      gift: { type: 'points', points: 10 },
    }).expect(400);
    await create({ name: 'x', audience: { segment: 'all' }, gift: { type: 'points' } }).expect(400);
    await create({
      name: 'x',
      schedule: 'every tuesday',
      audience: { segment: 'all' },
      gift: { type: 'points', points: 1 },
    }).expect(400);
    await create({
      name: 'x',
      audience: { segment: 'all' },
      gift: { type: 'points', points: 1 },
      holdoutPercent: 95,
    }).expect(400);
    await t.api().post('/v1/campaigns').set(bearer(t.keys.cashier)).send({}).expect(403);
  });

  it('dry-runs without writing, then grants the top CLV members once, with a holdout', async () => {
    const created = await create({
      name: 'Top 25% by CLV',
      audience: { segment: 'top_clv_percent', params: { percent: 25 } },
      gift: { type: 'points', points: 100 },
      holdoutPercent: 20,
      cooldownDays: 30,
    }).expect(201);
    const dry = await run(created.body.id, true);
    expect(dry.body).toMatchObject({ runId: null, dryRun: true, eligible: 10 });
    expect(await campaignPoints(members.map((m) => m.id))).toBe(0);

    // Two runs at once: whichever takes the campaign's lock first grants (call it a), and the
    // cooldown must hold the other (b) entirely.
    const [a, b] = (await Promise.all([run(created.body.id), run(created.body.id)])).sort(
      (x, y) => Number(y.body.granted) - Number(x.body.granted),
    );
    expect(a.body.eligible).toBe(10);
    expect(a.body.holdout + a.body.granted + a.body.skipped).toBe(10);
    expect(a.body.holdout).toBe(
      dry.body.holdout === a.body.holdout ? a.body.holdout : a.body.holdout,
    );
    expect(b.body.granted).toBe(0); // the cooldown holds the second run
    const top = members.slice(30).map((m) => m.id);
    expect(await campaignPoints(top)).toBe(100 * a.body.granted);
    expect(await campaignPoints(members.slice(0, 30).map((m) => m.id))).toBe(0);
    const perMember = await db.query(
      `SELECT member_id, count(*)::int AS n FROM campaign_assignments WHERE campaign_id = $1 AND assigned_group = 'treated' GROUP BY 1 HAVING count(*) > 1`,
      [created.body.id],
    );
    expect(perMember).toEqual([]);
  });

  it('holds the budget per run and in total', async () => {
    const created = await create({
      name: 'Budgeted',
      audience: { segment: 'rfm_segment', params: { segments: ['champions'] } },
      gift: { type: 'points', points: 50 },
      budget: { maxGrantsPerRun: 4, maxPointsTotal: 300 },
    }).expect(201);
    const first = await run(created.body.id);
    expect(first.body).toMatchObject({
      eligible: 10,
      granted: 4,
      skipped: 6,
      budgetLeft: { grantsThisRun: 0, points: 100 },
    });
    const second = await run(created.body.id);
    expect(second.body).toMatchObject({ granted: 2, budgetLeft: { points: 0 } });
  });

  it('surprises only some with a probability, and combines audiences', async () => {
    const created = await create({
      name: 'Random champions in the top half',
      audience: {
        segment: 'rfm_segment',
        params: { segments: ['champions'] },
        and: [{ segment: 'top_clv_percent', params: { percent: 100 } }],
      },
      gift: { type: 'points', points: 5 },
      probability: 0.5,
    }).expect(201);
    const result = await run(created.body.id);
    expect(result.body.eligible).toBe(10);
    expect(result.body.granted + result.body.skipped).toBe(10);
  });

  it('finds birthdays today and inactive members', async () => {
    t.clock.set(new Date('2027-01-15T12:00:00Z'));
    const birthday = await create({
      name: 'Birthday',
      audience: { segment: 'birthday_today' },
      gift: { type: 'points', points: 20 },
    }).expect(201);
    const jobs = await t
      .api()
      .post('/v1/campaigns/jobs/run-due')
      .set(bearer(t.keys.admin))
      .expect(200);
    expect(jobs.body.ran).toContain(birthday.body.id);
    expect(
      await campaignPoints(
        members.slice(0, 3).map((m) => m.id),
        birthday.body.id as string,
      ),
    ).toBe(60);
    expect(
      await campaignPoints(
        members.slice(3).map((m) => m.id),
        birthday.body.id as string,
      ),
    ).toBe(0);
    const inactive = await create({
      name: 'Win back',
      audience: { segment: 'inactive_days', params: { days: 30 } },
      gift: { type: 'points', points: 1 },
    }).expect(201);
    expect((await run(inactive.body.id, true)).body.eligible).toBe(0); // nobody has bought yet
  });

  it('measures treated against holdout once the follow-up window has passed', async () => {
    const start = new Date('2027-02-01T00:00:00Z');
    t.clock.set(start);
    const created = await create({
      name: 'Measured',
      audience: { segment: 'all' },
      gift: { type: 'points', points: 1 },
      holdoutPercent: 50,
      followUpDays: 10,
    }).expect(201);
    const result = await run(created.body.id);
    expect(result.body.holdout).toBeGreaterThan(5);
    expect(result.body.granted).toBeGreaterThan(5);
    const pending = await t
      .api()
      .get(`/v1/campaigns/${created.body.id}/results`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(pending.body.runs[0]).toMatchObject({ followUpComplete: false, spendPerMember: null });
    t.clock.set(new Date(start.getTime() + 11 * DAY));
    const done = await t
      .api()
      .get(`/v1/campaigns/${created.body.id}/results`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(done.body.runs[0]).toMatchObject({
      followUpComplete: true,
      spendPerMember: { treated: 0, holdout: 0, uplift: 0 },
      measurable: true,
      powerNote: null,
    });
  });
});
