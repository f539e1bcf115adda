import { bearer, startTestApp, TestApp } from '../support/test-app';

/** Item 13: PUT takes back what GET answers, and PATCH changes only the fields it names. */
describe('tiers: PUT takes back what GET answers, PATCH changes only what it names', () => {
  let t: TestApp;
  let silver: { id: string; [field: string]: unknown };
  const staff = () => bearer(t.keys.marketer);
  const get = async (id: string) =>
    (await t.api().get(`/v1/tiers/${id}`).set(staff()).expect(200)).body as Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    await t
      .api()
      .post('/v1/tiers')
      .set(staff())
      .send({
        code: 'member',
        name: 'Member',
        rank: 0,
        qualification: { metric: 'spend', threshold: 0, windowDays: 365 },
      })
      .expect(201);
    silver = (
      await t
        .api()
        .post('/v1/tiers')
        .set(staff())
        .send({
          code: 'silver',
          name: 'Silver',
          rank: 1,
          qualification: { metric: 'spend', threshold: 50000, windowDays: 365 },
          benefits: { pointsMultiplier: 1.25, perks: ['free_delivery'] },
          downgradeGraceDays: 30,
        })
        .expect(201)
    ).body as { id: string };
  });
  afterAll(() => t.close());

  it('accepts its own GET answer with PUT and changes nothing', async () => {
    const before = await get(silver.id);
    expect(before.id).toBe(silver.id);
    const put = await t.api().put(`/v1/tiers/${silver.id}`).set(staff()).send(before).expect(200);
    expect(put.body).toEqual(before);
    expect(await get(silver.id)).toEqual(before);
  });

  it('PATCH changes only the fields named', async () => {
    const before = await get(silver.id);
    const patched = await t
      .api()
      .patch(`/v1/tiers/${silver.id}`)
      .set(staff())
      .send({ name: 'Silver+', downgradeGraceDays: 60 })
      .expect(200);
    expect(patched.body).toEqual({ ...before, name: 'Silver+', downgradeGraceDays: 60 });
    expect(await get(silver.id)).toEqual(patched.body);
  });

  it('PATCH replaces a nested object as a whole', async () => {
    const before = await get(silver.id);
    const patched = await t
      .api()
      .patch(`/v1/tiers/${silver.id}`)
      .set(staff())
      .send({ benefits: { perks: ['priority_service'] } })
      .expect(200);
    expect(patched.body).toEqual({ ...before, benefits: { perks: ['priority_service'] } });
  });

  it('refuses a PATCH whose result is not a valid tier, changing nothing', async () => {
    const before = await get(silver.id);
    const bad = await t
      .api()
      .patch(`/v1/tiers/${silver.id}`)
      .set(staff())
      .send({ qualification: { metric: 'spend' } })
      .expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    await t.api().patch(`/v1/tiers/${silver.id}`).set(staff()).send({ rank: -1 }).expect(400);
    await t.api().patch(`/v1/tiers/${silver.id}`).set(staff()).send({ colour: 'grey' }).expect(400);
    expect(await get(silver.id)).toEqual(before);
  });

  it('keeps codes and ranks unique under PATCH', async () => {
    const taken = await t
      .api()
      .patch(`/v1/tiers/${silver.id}`)
      .set(staff())
      .send({ rank: 0 })
      .expect(409);
    expect(taken.body.error).toMatchObject({ code: 'TIER_EXISTS', details: { field: 'rank' } });
  });

  it('answers 404 TIER_NOT_FOUND for a PATCH of an unknown tier', async () => {
    const missing = await t
      .api()
      .patch('/v1/tiers/00000000-0000-4000-8000-000000000000')
      .set(staff())
      .send({ name: 'Nobody' })
      .expect(404);
    expect(missing.body.error.code).toBe('TIER_NOT_FOUND');
  });

  it('lets only marketers and admins PATCH', async () => {
    await t
      .api()
      .patch(`/v1/tiers/${silver.id}`)
      .set(bearer(t.keys.cashier))
      .send({ name: 'X' })
      .expect(403);
  });
});
