import { DataSource } from 'typeorm';
import { bearer, startTestApp, TestApp } from '../support/test-app';

const TABLES = [
  'campaigns',
  'campaign_runs',
  'campaign_assignments',
  'ledger_transactions',
  'ledger_lots',
  'reward_redemptions',
  'audit_log',
] as const;

/** Issue #13: the Campaigns screen previews the unsaved form, a dry run that stores nothing. */
describe('POST /v1/campaigns/preview: a dry run of an unsaved campaign', () => {
  let t: TestApp;
  let db: DataSource;
  let rewardId: string;
  const staff = () => bearer(t.keys.marketer);
  const preview = (body: Record<string, unknown>) =>
    t.api().post('/v1/campaigns/preview').set(staff()).send(body);

  /** Rows in every table a run or a grant would write, and the reward's stock. */
  const footprint = async (): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = row?.n ?? 0;
    }
    const [reward] = await db.query<{ left: number }[]>(
      'SELECT stock_remaining AS left FROM rewards WHERE id = $1',
      [rewardId],
    );
    counts.stockRemaining = reward?.left ?? -1;
    return counts;
  };

  /** The answer of a dry run of the same body, created as a draft. */
  const dryRunOf = async (body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const created = await t
      .api()
      .post('/v1/campaigns')
      .set(staff())
      .send({ ...body, active: false })
      .expect(201);
    const run = await t
      .api()
      .post(`/v1/campaigns/${(created.body as { id: string }).id}/run`)
      .set(staff())
      .send({ dryRun: true })
      .expect(200);
    return run.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    for (let i = 0; i < 25; i++) {
      await t.member();
    }
    const reward = await t
      .api()
      .post('/v1/rewards')
      .set(staff())
      .send({
        name: 'Free coffee',
        type: 'free_product',
        pointsCost: 300,
        value: 'COF-1',
        stock: 8,
      })
      .expect(201);
    rewardId = (reward.body as { id: string }).id;
  });
  afterAll(() => t.close());

  it('answers eligible, holdout, expected grants and points cost as a dry run does, storing nothing', async () => {
    const body = {
      name: 'Thank everyone',
      audience: { segment: 'all' },
      gift: { type: 'points', points: 40 },
      holdoutPercent: 20,
    };
    const before = await footprint();
    const previewed = await preview(body).expect(200);
    expect(await footprint()).toEqual(before);

    expect(previewed.body).toEqual({
      runId: null,
      dryRun: true,
      eligible: 25,
      holdout: 5,
      granted: 20,
      skipped: 0,
      skippedReasons: {},
      budgetLeft: { grantsThisRun: null, points: null },
      pointsCost: 800,
      valueBasis: null,
      warnings: [expect.objectContaining({ code: 'HOLDOUT_TOO_SMALL' })],
    });
    expect(previewed.body).toEqual(await dryRunOf(body));
  });

  it('applies the budget, the gift supply and the warnings as a dry run does', async () => {
    const budgeted = {
      name: 'Ten lucky ones',
      audience: { segment: 'all' },
      gift: { type: 'points', points: 100 },
      budget: { maxGrantsPerRun: 10, maxPointsTotal: 5000 },
      holdoutPercent: 5,
    };
    const answer = (await preview(budgeted).expect(200)).body as Record<string, unknown>;
    expect(answer).toMatchObject({
      eligible: 25,
      holdout: 1,
      granted: 10,
      pointsCost: 1000,
      skippedReasons: { budget: 14 },
      budgetLeft: { grantsThisRun: 0, points: 4000 },
      warnings: [{ code: 'HOLDOUT_TOO_SMALL' }],
    });
    expect(answer).toEqual(await dryRunOf(budgeted));

    const reward = {
      name: 'Coffee on us',
      audience: { segment: 'all' },
      gift: { type: 'reward', rewardId },
    };
    const before = await footprint();
    const rewarded = (await preview(reward).expect(200)).body as Record<string, unknown>;
    expect(await footprint()).toEqual(before);
    expect(rewarded).toMatchObject({
      granted: 8,
      pointsCost: 0,
      skippedReasons: { reward_out_of_stock: 17 },
    });
    expect(rewarded).toEqual(await dryRunOf(reward));
  });

  it('checks the body as a create does: 400 for a bad one, 422 for a reward that does not exist', async () => {
    const before = await footprint();
    await preview({ name: 'No gift', audience: { segment: 'all' } }).expect(400);
    await preview({
      name: 'Bad schedule',
      audience: { segment: 'all' },
      gift: { type: 'points', points: 10 },
      schedule: 'every tuesday',
    }).expect(400);
    const missing = await preview({
      name: 'Ghost reward',
      audience: { segment: 'all' },
      gift: { type: 'reward', rewardId: '00000000-0000-4000-8000-000000000000' },
    }).expect(422);
    expect(missing.body.error.code).toBe('REWARD_NOT_FOUND');
    expect(await footprint()).toEqual(before);
  });

  it('is for marketers and admins only', async () => {
    const body = { name: 'x', audience: { segment: 'all' }, gift: { type: 'points', points: 1 } };
    for (const key of [t.keys.cashier, t.keys.integration]) {
      await t.api().post('/v1/campaigns/preview').set(bearer(key)).send(body).expect(403);
    }
    await t.api().post('/v1/campaigns/preview').set(bearer(t.keys.admin)).send(body).expect(200);
  });

  it('leaves the ledger balanced', async () => {
    const audit = await t.api().get('/v1/ledger/audit').set(bearer(t.keys.admin)).expect(200);
    expect(audit.body.balanced).toBe(true);
  });
});
