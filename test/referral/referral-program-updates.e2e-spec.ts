import { bearer, startTestApp, TestApp } from '../support/test-app';

/** Item 13 for the singleton: PUT keeps taking a partial body, GET's answer, and PATCH. */
describe('referral program: PUT takes back what GET answers, PATCH changes only what it names', () => {
  let t: TestApp;
  const staff = () => bearer(t.keys.marketer);
  const get = async () =>
    (await t.api().get('/v1/referral-program').set(staff()).expect(200)).body as Record<
      string,
      unknown
    >;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('accepts its own GET answer with PUT and changes nothing', async () => {
    const before = await get();
    const put = await t.api().put('/v1/referral-program').set(staff()).send(before).expect(200);
    expect(put.body).toEqual(before);
  });

  it('keeps PUT partial, as it always was', async () => {
    const before = await get();
    const put = await t
      .api()
      .put('/v1/referral-program')
      .set(staff())
      .send({ referrerPoints: 700 })
      .expect(200);
    expect(put.body).toEqual({ ...before, referrerPoints: 700 });
    const empty = await t.api().put('/v1/referral-program').set(staff()).send({}).expect(200);
    expect(empty.body).toEqual(put.body);
  });

  it('PATCH {"active": false} changes only active', async () => {
    const before = await get();
    const patched = await t
      .api()
      .patch('/v1/referral-program')
      .set(staff())
      .send({ active: !before.active })
      .expect(200);
    expect(patched.body).toEqual({ ...before, active: !before.active });
    expect(await get()).toEqual(patched.body);
  });

  it('refuses an invalid PATCH, changing nothing', async () => {
    const before = await get();
    const bad = await t
      .api()
      .patch('/v1/referral-program')
      .set(staff())
      .send({ attributionDays: 0 })
      .expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    await t.api().patch('/v1/referral-program').set(staff()).send({ bonus: 1 }).expect(400);
    expect(await get()).toEqual(before);
  });

  it('lets only marketers and admins PATCH', async () => {
    await t
      .api()
      .patch('/v1/referral-program')
      .set(bearer(t.keys.cashier))
      .send({ active: false })
      .expect(403);
  });
});
