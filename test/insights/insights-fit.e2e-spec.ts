import { Client } from 'pg';
import {
  bgnbdDataFromSummaries,
  bgnbdLogLikelihood,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaDataFromSummaries,
  scoreRfm,
  summarizeCustomers,
} from '@vafa/insights';
// Test-only simulators kept beside the math they check; they are not part of the library's API.
// eslint-disable-next-line no-restricted-imports
import { mulberry32, sampleGamma } from '../../libs/insights/src/testing/random';
// eslint-disable-next-line no-restricted-imports
import { simulateBgNbdCustomer } from '../../libs/insights/src/testing/simulate';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { History, insertHistories, relativeError, transactionsOf } from './insights-helpers';

const DAY = 86_400_000;
const AS_OF = '2024-12-31';
const AS_OF_END = new Date(Date.UTC(2024, 11, 31));
const TRUTH = { r: 0.6, alpha: 5, a: 0.7, b: 2.8 };
/** Spend per purchase ~ Gamma(p, ν), ν ~ Gamma(q, γ): mean p·γ/(q-1) = 3,000 minor units. */
const SPEND = { p: 6, q: 4, gamma: 1500 };
const CUSTOMERS = 6000;

/**
 * Purchase histories drawn from known BG/NBD and Gamma-Gamma parameters (time in weeks): first
 * purchases spread over the 52 weeks before the 26 weeks preceding AS_OF, repeat purchases on
 * distinct later days up to the simulated last purchase.
 */
function simulateHistories(seed: number): History[] {
  const uniform = mulberry32(seed);
  const histories: History[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const ageDays = 182 + Math.floor(uniform() * 364);
    const first = AS_OF_END.getTime() - ageDays * DAY;
    const { x, tx } = simulateBgNbdCustomer(uniform, TRUTH, ageDays / 7);
    const lastDay = Math.round(tx * 7);
    // x repeat purchases on distinct days in (0, lastDay]: the last one on lastDay.
    const repeatDays = new Set<number>(x > 0 ? [Math.max(lastDay, 1)] : []);
    while (repeatDays.size < Math.min(x, Math.max(lastDay, 1))) {
      repeatDays.add(1 + Math.floor(uniform() * Math.max(lastDay, 1)));
    }
    const nu = sampleGamma(uniform, SPEND.q, SPEND.gamma);
    const amount = (): number => Math.max(1, Math.round(sampleGamma(uniform, SPEND.p, nu)));
    const hour = (): number => Math.floor(uniform() * 20) * 3_600_000;
    histories.push({
      externalId: `sim-${i}`,
      purchases: [0, ...repeatDays].map((d) => ({
        at: new Date(first + d * DAY + hour()),
        amount: amount(),
      })),
    });
  }
  // A second purchase on a customer's first day is merged with it, not a repeat purchase.
  const h0 = histories[0];
  if (h0?.purchases[0]) {
    h0.purchases.push({ at: new Date(h0.purchases[0].at.getTime() + 60_000), amount: 700 });
  }
  // Purchases after asOf are not seen by the fit.
  histories[1]?.purchases.push({ at: new Date(AS_OF_END.getTime() + 2 * DAY), amount: 5000 });
  return histories;
}

describe('insights: model fitting and member scores', () => {
  let t: TestApp;
  let histories: History[];
  let ids: Map<string, string>;
  const fit = (body: Record<string, unknown> = {}, key = t.keys.marketer) =>
    t.api().post('/v1/insights/models/fit').set(bearer(key)).send(body);
  const insightsOf = (memberId: string) =>
    t.api().get(`/v1/members/${memberId}/insights`).set(bearer(t.keys.marketer));

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2025-03-01T12:00:00Z'));
  });
  afterAll(() => t.close());

  it('refuses to fit with too little history (422) and to show scores before a fit (409)', async () => {
    const m = await t.member();
    expect((await insightsOf(m.id).expect(409)).body.error.code).toBe('INSIGHT_MODEL_NOT_FITTED');
    const few: History[] = Array.from({ length: 5 }, (_, i) => ({
      externalId: `few-${i}`,
      purchases: [
        { at: new Date('2024-01-10T10:00:00Z'), amount: 1000 },
        { at: new Date('2024-03-10T10:00:00Z'), amount: 2000 },
      ],
    }));
    await insertHistories(ledgerOf(t).dataSource, few);
    const refused = await fit({ asOf: AS_OF }).expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'NOT_ENOUGH_PURCHASE_HISTORY',
      details: { customers: 5, repeatCustomers: 5, minCustomers: 20 },
    });
    await ledgerOf(t).dataSource.query("DELETE FROM orders WHERE order_id LIKE 'test-%'");
  });

  it('validates the request and who may call it', async () => {
    expect((await fit({ asOf: '2024-02-30' }).expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await fit({ asOf: '2025-03-02' }).expect(400)).body.error.message).toContain('future');
    await fit({ since: AS_OF }).expect(400);
    await fit({}, t.keys.cashier).expect(403);
    await t.api().post('/v1/insights/jobs/refresh').set(bearer(t.keys.marketer)).expect(403);
    await t.api().get('/v1/insights/models').set(bearer(t.keys.integration)).expect(403);
  });

  it('fits BG/NBD and Gamma-Gamma near the parameters the purchases were drawn from', async () => {
    histories = simulateHistories(20240601);
    ids = await insertHistories(ledgerOf(t).dataSource, histories);
    const started = Date.now();
    const response = await fit({ asOf: AS_OF }).expect(201);
    const model = response.body;
    console.log(
      `fit on ${model.customers} simulated customers in ${Date.now() - started} ms: ` +
        `${JSON.stringify(model.bgnbd)} ${JSON.stringify(model.gammaGamma)}`,
    );
    expect(model).toMatchObject({
      id: expect.any(String),
      customers: CUSTOMERS,
      asOf: '2024-12-31T23:59:59.999Z',
      fittedAt: '2025-03-01T12:00:00.000Z',
    });
    // The mean purchase rate r/α and mean dropout probability a/(a+b) are pinned down well; the
    // parameters one by one less so (a and b trade off along a ridge).
    const { r, alpha, a, b } = model.bgnbd;
    expect(relativeError(r / alpha, TRUTH.r / TRUTH.alpha)).toBeLessThan(0.05);
    expect(relativeError(a / (a + b), TRUTH.a / (TRUTH.a + TRUTH.b))).toBeLessThan(0.05);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(relativeError(model.bgnbd[key], TRUTH[key])).toBeLessThan(0.3);
    }
    const meanSpend = (g: { p: number; q: number; gamma: number }): number =>
      (g.p * g.gamma) / (g.q - 1);
    expect(relativeError(meanSpend(model.gammaGamma), meanSpend(SPEND))).toBeLessThan(0.1);
    expect(relativeError(model.gammaGamma.p, SPEND.p)).toBeLessThan(0.3);

    // What the pure library fits on the same purchases (the optimizer stops within ~1e-6 of the
    // maximum, and the database hands it the customers in another order).
    const summaries = summarizeCustomers(
      transactionsOf(histories),
      new Date(AS_OF_END.getTime() + DAY - 1),
    );
    expect(summaries).toHaveLength(CUSTOMERS);
    const bgnbd = fitBgNbd(bgnbdDataFromSummaries(summaries));
    const gammaGamma = fitGammaGamma(gammaGammaDataFromSummaries(summaries));
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(relativeError(model.bgnbd[key], bgnbd.params[key])).toBeLessThan(1e-4);
    }
    for (const key of ['p', 'q', 'gamma'] as const) {
      expect(relativeError(model.gammaGamma[key], gammaGamma.params[key])).toBeLessThan(1e-4);
    }
    expect(model.bgnbd.logLikelihood).toBeCloseTo(bgnbd.logLikelihood, 4);
    // The truth is about as likely as the fit: 2·ΔLL is χ²(4)-distributed (99.9 % below 18.5)
    // for data drawn from the model (here rounded to whole days).
    const data = bgnbdDataFromSummaries(summaries);
    const gap = model.bgnbd.logLikelihood - bgnbdLogLikelihood(TRUTH, data);
    expect(gap).toBeGreaterThanOrEqual(0);
    console.log(`2·ΔLL(fit, truth) = ${(2 * gap).toFixed(2)}`);
    expect(2 * gap).toBeLessThan(18.5);
    expect(model.gammaGamma.logLikelihood).toBeCloseTo(gammaGamma.logLikelihood, 4);
  });

  it('scores every member: RFM and CLV as the pure library computes them', async () => {
    const summaries = summarizeCustomers(
      transactionsOf(histories),
      new Date(AS_OF_END.getTime() + DAY - 1),
    );
    const rfm = new Map(scoreRfm(summaries).map((s) => [s.customerId, s]));
    const models = await t
      .api()
      .get('/v1/insights/models')
      .set(bearer(t.keys.marketer))
      .expect(200);
    const latest = models.body.items[0];
    const params = {
      bgnbd: latest.bgnbd,
      gammaGamma: latest.gammaGamma,
    };
    const repeatBuyer = summaries.find((s) => s.frequency >= 3);
    const oneTimer = summaries.find((s) => s.frequency === 0);
    for (const s of [summaries[0], repeatBuyer, oneTimer]) {
      if (!s) {
        throw new Error('no such simulated customer');
      }
      const response = await insightsOf(ids.get(s.customerId) ?? '').expect(200);
      const expected = customerLifetimeValue({
        ...params,
        x: s.frequency,
        tx: s.recency,
        T: s.T,
        mx: s.monetary,
        horizonWeeks: 365 / 7,
        annualDiscountRate: 0.1,
      });
      const r = rfm.get(s.customerId);
      expect(response.body).toMatchObject({
        memberId: ids.get(s.customerId),
        modelId: latest.id,
        asOf: latest.asOf,
        rfm: {
          recency: r?.daysSinceLastPurchase,
          frequency: s.frequency,
          monetary: Math.round(s.monetary),
          score: r?.score,
          segment: r?.segment,
        },
        clv: {
          expectedSpend: Math.round(expected.expectedSpend),
          value: Math.round(expected.value),
          horizonDays: 365,
        },
      });
      expect(response.body.clv.expectedPurchases).toBeCloseTo(expected.expectedPurchases, 6);
      expect(response.body.clv.pAlive).toBeCloseTo(expected.pAlive, 6);
    }
    // The first customer's two purchases on their first day count as one.
    expect(summaries[0]?.purchaseDays).toBe((histories[0]?.purchases.length ?? 0) - 1);

    const count = await ledgerOf(t).dataSource.query(
      'SELECT count(*)::int AS n FROM member_insights',
    );
    expect(count[0].n).toBe(CUSTOMERS);
  });

  it('answers 404 for unknown members and for members with nothing to score', async () => {
    const none = await t.member();
    expect((await insightsOf(none.id).expect(404)).body.error.code).toBe(
      'MEMBER_INSIGHTS_NOT_FOUND',
    );
    expect(
      (await insightsOf('00000000-0000-4000-8000-000000000000').expect(404)).body.error.code,
    ).toBe('MEMBER_NOT_FOUND');
    await insightsOf('not-a-uuid').expect(400);
    await t.api().get(`/v1/members/${none.id}/insights`).set(bearer(t.keys.cashier)).expect(403);
  });

  it('refits on demand, lists models newest first, and drops scores of members outside the new asOf', async () => {
    t.clock.set(new Date('2025-03-02T12:00:00Z'));
    const earlier = await fit({ asOf: '2024-01-01T00:00:00Z' }).expect(201);
    expect(earlier.body.customers).toBeLessThan(CUSTOMERS);
    const late = histories.find(
      (h) => (h.purchases[0]?.at ?? new Date()) > new Date('2024-01-01T00:00:00Z'),
    );
    expect(
      (await insightsOf(ids.get(late?.externalId ?? '') ?? '').expect(404)).body.error.code,
    ).toBe('MEMBER_INSIGHTS_NOT_FOUND');

    t.clock.set(new Date('2025-03-03T12:00:00Z'));
    const refreshed = await t
      .api()
      .post('/v1/insights/jobs/refresh')
      .set(bearer(t.keys.admin))
      .expect(200);
    expect(refreshed.body).toMatchObject({
      ran: true,
      model: { asOf: '2025-03-03T12:00:00.000Z', customers: CUSTOMERS },
    });

    const page1 = await t
      .api()
      .get('/v1/insights/models?limit=2')
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(page1.body.items.map((m: { id: string }) => m.id)).toEqual([
      refreshed.body.model.id,
      earlier.body.id,
    ]);
    const page2 = await t
      .api()
      .get(`/v1/insights/models?limit=2&cursor=${page1.body.nextCursor}`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    expect((await insightsOf(ids.get(late?.externalId ?? '') ?? '').expect(200)).body.modelId).toBe(
      refreshed.body.model.id,
    );
  });

  it('runs one refresh at a time: the advisory lock turns a second one away', async () => {
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(hashtext('vafa:insights:refresh'))");
      expect((await fit({ asOf: AS_OF }).expect(409)).body.error.code).toBe(
        'INSIGHTS_REFRESH_RUNNING',
      );
      const job = await t
        .api()
        .post('/v1/insights/jobs/refresh')
        .set(bearer(t.keys.admin))
        .expect(200);
      expect(job.body).toEqual({ ran: false });
    } finally {
      await holder.end();
    }
    await fit({ asOf: AS_OF }).expect(201);
  });
});
