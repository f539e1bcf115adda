import { bearer, startTestApp, TestApp } from '../support/test-app';

type Program = Record<string, unknown>;

/** Item 13 for the program singleton: PUT keeps taking a partial body and takes back GET's. */
describe('changing the program settings: PUT and PATCH', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const read = async (): Promise<Program> =>
    (await t.api().get('/v1/program').set(bearer(t.keys.marketer)).expect(200)).body as Program;
  const patch = (body: unknown) =>
    t
      .api()
      .patch('/v1/program')
      .set(bearer(t.keys.marketer))
      .send(body as object);

  it('accepts back with PUT what GET returned and changes nothing', async () => {
    const got = await read();
    const put = await t.api().put('/v1/program').set(bearer(t.keys.marketer)).send(got).expect(200);
    expect(put.body).toEqual(got);
    expect(await read()).toEqual(got);
  });

  it('keeps taking a partial PUT body, changing only the fields it names', async () => {
    const before = await read();
    const put = await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ name: 'Coffee Club' })
      .expect(200);
    expect(put.body).toEqual({ ...before, name: 'Coffee Club' });
  });

  it('changes only the named fields with PATCH', async () => {
    const before = await read();
    const patched = await patch({ pointsPendingDays: 7, defaultCountry: 'DE' }).expect(200);
    expect(patched.body).toEqual({ ...before, pointsPendingDays: 7, defaultCountry: 'DE' });
    expect(await read()).toEqual(patched.body);
    const cleared = await patch({ defaultCountry: null }).expect(200);
    expect(cleared.body).toEqual({ ...before, pointsPendingDays: 7, defaultCountry: null });
  });

  it.each([
    ['a required setting cleared', { currency: null }],
    ['out of bounds', { maxRedeemPercent: 101 }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }],
    ['an unknown country', { defaultCountry: 'XX' }],
    ['an unknown field', { colour: 'red' }],
  ])(
    'refuses a PATCH that leaves invalid settings (%s) with 400 and changes nothing',
    async (_, body) => {
      const before = await read();
      const response = await patch(body).expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(await read()).toEqual(before);
    },
  );

  it('answers an empty PATCH with the settings unchanged', async () => {
    const before = await read();
    expect((await patch({}).expect(200)).body).toEqual(before);
  });

  it('lets only marketers and admins PATCH', async () => {
    for (const key of [t.keys.cashier, t.keys.integration]) {
      await t.api().patch('/v1/program').set(bearer(key)).send({ name: 'x' }).expect(403);
    }
    await t.api().patch('/v1/program').set(bearer(t.keys.admin)).send({ name: 'Vafa' }).expect(200);
  });
});
