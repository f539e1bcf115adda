import { bearer, startTestApp, TestApp } from '../support/test-app';
import { rewardsOf } from './rewards-helpers';

/** Item 13: PUT takes back what GET answers, and PATCH changes only the fields it names. */
describe('rewards: PUT takes back what GET answers, PATCH changes only what it names', () => {
  let t: TestApp;
  const staff = () => bearer(t.keys.marketer);
  const get = async (id: string) =>
    (await t.api().get(`/v1/rewards/${id}`).set(staff()).expect(200)).body as Record<
      string,
      unknown
    >;
  const withoutUpdatedAt = ({ updatedAt: _, ...rest }: Record<string, unknown>) => rest;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('accepts its own GET answer with PUT and changes nothing', async () => {
    const reward = await rewardsOf(t).create({
      name: '5.00 off',
      type: 'discount_amount',
      pointsCost: 500,
      value: 500,
      stock: 10,
      perMemberLimit: 2,
      tiers: ['gold'],
      validDays: 30,
      activeFrom: '2026-12-01T00:00:00Z',
      activeUntil: '2027-01-01T00:00:00Z',
    });
    const before = await get(reward.id);
    const put = await t.api().put(`/v1/rewards/${reward.id}`).set(staff()).send(before).expect(200);
    expect(withoutUpdatedAt(put.body as Record<string, unknown>)).toEqual(withoutUpdatedAt(before));
    expect(withoutUpdatedAt(await get(reward.id))).toEqual(withoutUpdatedAt(before));
  });

  it('accepts a GET answer full of nulls back too', async () => {
    const reward = await rewardsOf(t).create({ name: 'Tea', type: 'gift', pointsCost: 0 });
    const before = await get(reward.id);
    expect(before).toMatchObject({ stock: null, validDays: null, activeFrom: null });
    const put = await t.api().put(`/v1/rewards/${reward.id}`).set(staff()).send(before).expect(200);
    expect(withoutUpdatedAt(put.body as Record<string, unknown>)).toEqual(withoutUpdatedAt(before));
  });

  it('PATCH {"active": false} changes only active', async () => {
    const reward = await rewardsOf(t).create({
      name: 'Free coffee',
      type: 'free_product',
      pointsCost: 300,
      value: 'COFFEE',
      stock: 5,
    });
    const before = await get(reward.id);
    const patched = await t
      .api()
      .patch(`/v1/rewards/${reward.id}`)
      .set(staff())
      .send({ active: false })
      .expect(200);
    expect(withoutUpdatedAt(patched.body as Record<string, unknown>)).toEqual({
      ...withoutUpdatedAt(before),
      active: false,
    });
    expect((await get(reward.id)).active).toBe(false);
  });

  it('refuses a PATCH whose result is not a valid reward, changing nothing', async () => {
    const reward = await rewardsOf(t).create({
      name: '10% off',
      type: 'discount_percent',
      pointsCost: 900,
      value: 10,
      activeFrom: '2026-12-01T00:00:00Z',
    });
    const before = await get(reward.id);
    const early = await t
      .api()
      .patch(`/v1/rewards/${reward.id}`)
      .set(staff())
      .send({ activeUntil: '2026-11-01T00:00:00Z' })
      .expect(400);
    expect(early.body.error.code).toBe('VALIDATION_FAILED');
    // The type alone no longer fits the current value (a percentage is not a SKU).
    await t
      .api()
      .patch(`/v1/rewards/${reward.id}`)
      .set(staff())
      .send({ type: 'free_product' })
      .expect(400);
    expect(await get(reward.id)).toEqual(before);
  });

  it('answers 404 REWARD_NOT_FOUND for a PATCH of an unknown reward', async () => {
    const missing = await t
      .api()
      .patch('/v1/rewards/00000000-0000-4000-8000-000000000000')
      .set(staff())
      .send({ active: false })
      .expect(404);
    expect(missing.body.error.code).toBe('REWARD_NOT_FOUND');
  });
});
