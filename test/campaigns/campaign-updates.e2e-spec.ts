import { bearer, startTestApp, TestApp } from '../support/test-app';

/** Item 13: PUT takes back what GET answers, and PATCH changes only the fields it names. */
describe('campaigns: PUT takes back what GET answers, PATCH changes only what it names', () => {
  let t: TestApp;
  const staff = () => bearer(t.keys.marketer);
  const get = async (id: string) =>
    (await t.api().get(`/v1/campaigns/${id}`).set(staff()).expect(200)).body as Record<
      string,
      unknown
    >;
  const create = async (body: Record<string, unknown>): Promise<string> =>
    (
      (await t.api().post('/v1/campaigns').set(staff()).send(body).expect(201)).body as {
        id: string;
      }
    ).id;

  let perkCampaign: string;
  let pointsCampaign: string;

  beforeAll(async () => {
    t = await startTestApp();
    const perk = await t
      .api()
      .post('/v1/rewards')
      .set(staff())
      .send({ name: 'Free alterations', type: 'service_perk', pointsCost: 0 })
      .expect(201);
    perkCampaign = await create({
      name: 'Alterations for loyal gold members',
      schedule: '0 10 * * 1',
      audience: {
        segment: 'rfm_segment',
        params: { segments: ['loyal'] },
        and: [{ segment: 'tier', params: { tiers: ['gold'] } }],
      },
      gift: { type: 'perk', rewardId: (perk.body as { id: string }).id },
      probability: 0.5,
      cooldownDays: 30,
      holdoutPercent: 10,
      budget: { maxGrantsPerRun: 100 },
      activeFrom: '2026-12-01T00:00:00Z',
    });
    pointsCampaign = await create({
      name: 'Thank everyone',
      audience: { segment: 'all' },
      gift: { type: 'points', points: 50 },
    });
  });
  afterAll(() => t.close());

  it('answers a perk gift in the form PUT takes', async () => {
    const campaign = await get(perkCampaign);
    expect(campaign.gift).toEqual({ type: 'perk', rewardId: expect.any(String) });
  });

  it.each([
    ['a perk gift, two criteria and a budget', () => perkCampaign],
    ['a points gift for everyone', () => pointsCampaign],
  ])('accepts its own GET answer with PUT and changes nothing: %s', async (_, id) => {
    const before = await get(id());
    const put = await t.api().put(`/v1/campaigns/${id()}`).set(staff()).send(before).expect(200);
    expect(put.body).toEqual(before);
    expect(await get(id())).toEqual(before);
  });

  it('PATCH {"active": false} changes only active; PUT of it alone stays a 400', async () => {
    await t
      .api()
      .put(`/v1/campaigns/${pointsCampaign}`)
      .set(staff())
      .send({ active: false })
      .expect(400);
    const before = await get(pointsCampaign);
    const patched = await t
      .api()
      .patch(`/v1/campaigns/${pointsCampaign}`)
      .set(staff())
      .send({ active: false })
      .expect(200);
    expect(patched.body).toEqual({ ...before, active: false });
    expect(await get(pointsCampaign)).toEqual(patched.body);
  });

  it('PATCH replaces a nested object as a whole', async () => {
    const before = await get(perkCampaign);
    const patched = await t
      .api()
      .patch(`/v1/campaigns/${perkCampaign}`)
      .set(staff())
      .send({ budget: { maxPointsTotal: 9000 } })
      .expect(200);
    expect(patched.body).toEqual({
      ...before,
      budget: { maxGrantsPerRun: null, maxPointsTotal: 9000 },
    });
  });

  it('refuses a PATCH whose result is not a valid campaign, changing nothing', async () => {
    const before = await get(perkCampaign);
    const late = await t
      .api()
      .patch(`/v1/campaigns/${perkCampaign}`)
      .set(staff())
      .send({ activeUntil: '2026-11-01T00:00:00Z' })
      .expect(400);
    expect(late.body.error.code).toBe('VALIDATION_FAILED');
    await t
      .api()
      .patch(`/v1/campaigns/${perkCampaign}`)
      .set(staff())
      .send({ gift: { type: 'points' } })
      .expect(400);
    await t
      .api()
      .patch(`/v1/campaigns/${perkCampaign}`)
      .set(staff())
      .send({ probability: 2 })
      .expect(400);
    expect(await get(perkCampaign)).toEqual(before);
  });

  it('answers 404 CAMPAIGN_NOT_FOUND for a PATCH of an unknown campaign', async () => {
    const missing = await t
      .api()
      .patch('/v1/campaigns/00000000-0000-4000-8000-000000000000')
      .set(staff())
      .send({ active: false })
      .expect(404);
    expect(missing.body.error.code).toBe('CAMPAIGN_NOT_FOUND');
  });
});
