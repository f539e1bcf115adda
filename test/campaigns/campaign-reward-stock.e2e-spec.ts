import { DataSource } from 'typeorm';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';

/** A campaign whose gift is a catalog reward with less stock than its audience. */
describe('campaigns: a reward gift that runs out of stock', () => {
  let t: TestApp;
  let db: DataSource;
  const members: TestMember[] = [];
  const marketer = () => bearer(t.keys.marketer);
  const run = (id: string, dryRun = false) =>
    t.api().post(`/v1/campaigns/${id}/run`).set(marketer()).send({ dryRun }).expect(200);
  const stockOf = async (rewardId: string): Promise<number> =>
    (await t.api().get(`/v1/rewards/${rewardId}`).set(marketer()).expect(200)).body
      .stockRemaining as number;
  const assignments = (runId: string) =>
    db.query<{ assigned_group: string; reason: string | null; n: number }[]>(
      `SELECT assigned_group, reason, count(*)::int AS n FROM campaign_assignments WHERE run_id = $1
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [runId],
    );
  const statusOf = async (runId: string): Promise<string | undefined> =>
    (
      await db.query<{ status: string }[]>('SELECT status FROM campaign_runs WHERE id = $1', [
        runId,
      ])
    )[0]?.status;
  /** A gift campaign for everyone (the five members), its reward holding `stock` units. */
  const campaignWithStock = async (stock: number): Promise<{ id: string; rewardId: string }> => {
    const reward = await t
      .api()
      .post('/v1/rewards')
      .set(marketer())
      .send({ name: 'Tote bag', type: 'gift', pointsCost: 0, value: 'A tote bag', stock })
      .expect(201);
    const campaign = await t
      .api()
      .post('/v1/campaigns')
      .set(marketer())
      .send({
        name: `Tote bags for ${stock}`,
        audience: { segment: 'all' },
        gift: { type: 'reward', rewardId: reward.body.id },
      })
      .expect(201);
    return { id: campaign.body.id as string, rewardId: reward.body.id as string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    for (let i = 0; i < 5; i++) {
      members.push(await t.member());
    }
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('grants what stock there is, skips the rest with the reason, and finishes the run', async () => {
    const campaign = await campaignWithStock(2);
    const dry = await run(campaign.id, true);
    expect(dry.body).toMatchObject({
      dryRun: true,
      eligible: 5,
      granted: 2,
      skipped: 3,
      skippedReasons: { reward_out_of_stock: 3 },
    });
    expect(await stockOf(campaign.rewardId)).toBe(2);

    const real = await run(campaign.id);
    expect(real.body).toMatchObject({
      eligible: 5,
      granted: 2,
      skipped: 3,
      skippedReasons: { reward_out_of_stock: 3 },
    });
    expect(await statusOf(real.body.runId)).toBe('completed');
    expect(await assignments(real.body.runId)).toEqual([
      { assigned_group: 'skipped', reason: 'reward_out_of_stock', n: 3 },
      { assigned_group: 'treated', reason: null, n: 2 },
    ]);
    expect(await stockOf(campaign.rewardId)).toBe(0);
    const [grants] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM reward_redemptions WHERE reward_id = $1 AND source = 'grant'`,
      [campaign.rewardId],
    );
    expect(grants?.n).toBe(2);

    const later = await run(campaign.id);
    expect(later.body).toMatchObject({ granted: 0, skipped: 5 });
    expect(later.body.runId).not.toBe(real.body.runId);
    expect(await statusOf(later.body.runId)).toBe('completed');
  });

  it('finishes a run an earlier version left running, then runs again', async () => {
    const campaign = await campaignWithStock(0);
    // What a run that failed on out of stock left behind: a run still marked running.
    const [stuck] = await db.query<{ id: string }[]>(
      `INSERT INTO campaign_runs (campaign_id, started_at, status, trigger, seed)
       VALUES ($1, $2, 'running', 'schedule', 'stuck-seed') RETURNING id`,
      [campaign.id, t.clock.now()],
    );
    expect((await run(campaign.id, true)).body).toMatchObject({
      granted: 0,
      skippedReasons: { reward_out_of_stock: 5 },
    });
    const resumed = await run(campaign.id);
    expect(resumed.body).toMatchObject({ runId: stuck?.id, granted: 0, skipped: 5 });
    expect(await statusOf(stuck?.id ?? '')).toBe('completed');

    await db.query('UPDATE rewards SET stock = 10, stock_remaining = 10 WHERE id = $1', [
      campaign.rewardId,
    ]);
    const restocked = await run(campaign.id);
    expect(restocked.body).toMatchObject({ granted: 5, skipped: 0 });
    expect(restocked.body.runId).not.toBe(stuck?.id);
    expect(await stockOf(campaign.rewardId)).toBe(5);
  });
});
