import { ledgerOf } from '../support/ledger-helpers';
import { bearer, startTestApp, TestApp } from '../support/test-app';

const DAY = 86_400_000;

/** Issue #12 item 11: the liability in money, and the breakage rate. */
describe('the liability report in money, with its breakage rate', () => {
  let t: TestApp;
  const liability = async (): Promise<Record<string, unknown>> =>
    (await t.api().get('/v1/reports/liability').set(bearer(t.keys.marketer)).expect(200))
      .body as Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('values outstanding points at the redemption value, and rates breakage as expired ÷ (redeemed + expired)', async () => {
    // 100 points pay 2.50 EUR.
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ currency: 'EUR', redemptionPoints: 100, redemptionValue: 250 })
      .expect(200);
    expect(await liability()).toMatchObject({
      value: { currency: 'EUR', available: 0, pending: 0, total: 0 },
      breakageRate: null,
    });

    const ledger = ledgerOf(t);
    const m = await t.member();
    const now = t.clock.now();
    await ledger.credit(m.id, 1000);
    await ledger.debit(m.id, 300);
    await ledger.credit(m.id, 200, { expiresAt: new Date(now.getTime() + DAY) });
    await ledger.credit(m.id, 41, { availableAt: new Date(now.getTime() + 14 * DAY) });
    t.clock.set(new Date(now.getTime() + 2 * DAY));
    await t.api().post('/v1/ledger/jobs/expire').set(bearer(t.keys.admin)).expect(200);

    const report = await liability();
    expect(report).toMatchObject({ available: 700, pending: 41, redeemed: 300, expired: 200 });
    expect(report.value).toEqual({
      currency: 'EUR',
      available: 1750,
      pending: 103, // 41 points = 102.5 minor units, rounded
      total: 1853,
    });
    expect(report.breakageRate).toBe(0.4);
  });
});
