import { bearer, startTestApp, TestApp } from '../support/test-app';

/** The till prices baskets in the program's currency without reading the program's configuration. */
describe('GET /v1/pos/program: what a till needs of the program', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("answers a cashier the program's currency, redemption value and phone country", async () => {
    await t
      .api()
      .patch('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({
        currency: 'EUR',
        minorUnitsPerMajor: 100,
        redemptionPoints: 200,
        redemptionValue: 150,
        maxRedeemPercent: 40,
        pointsPendingDays: 10,
        defaultCountry: 'DE',
      })
      .expect(200);
    const response = await t.api().get('/v1/pos/program').set(bearer(t.keys.cashier)).expect(200);
    expect(response.body).toEqual({
      currency: 'EUR',
      minorUnitsPerMajor: 100,
      redemptionPoints: 200,
      redemptionValue: 150,
      maxRedeemPercent: 40,
      pointsPendingDays: 10,
      defaultCountry: 'DE',
    });
  });

  it('is for the till: marketers and web shops read GET /v1/program or nothing', async () => {
    await t.api().get('/v1/pos/program').set(bearer(t.keys.admin)).expect(200);
    for (const key of [t.keys.marketer, t.keys.integration]) {
      const response = await t.api().get('/v1/pos/program').set(bearer(key)).expect(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    // The cashier still may not read the program's configuration itself.
    await t.api().get('/v1/program').set(bearer(t.keys.cashier)).expect(403);
  });
});
