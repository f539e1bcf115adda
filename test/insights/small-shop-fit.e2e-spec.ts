import { DataSource } from 'typeorm';
import {
  bgnbdDataFromSummaries,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaDataFromSummaries,
  InsightsRefreshJob,
  summarizeCustomers,
  type Transaction,
} from '@vafa/insights';
// Test-only generators and readers kept beside the math they check; not the library's API.
// eslint-disable-next-line no-restricted-imports
import { smallShopTransactions } from '../../libs/insights/src/testing/small-shop';
// eslint-disable-next-line no-restricted-imports
import * as cdnow from '../../libs/insights/src/testing/cdnow';
// eslint-disable-next-line no-restricted-imports
import * as synthetic from '../../libs/insights/src/testing/synthetic-cdnow';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { History, insertHistories, relativeError } from './insights-helpers';

const AS_OF = '2024-12-31';
/** The end of AS_OF: the shops' histories run up to it. */
const HISTORY_END = new Date('2025-01-01T00:00:00Z');
const SHAPES = ['r', 'a', 'b', 'p', 'q'] as const;

const historiesOf = (transactions: readonly Transaction[]): History[] => {
  const byCustomer = new Map<string, History>();
  for (const t of transactions) {
    let h = byCustomer.get(t.customerId);
    if (!h) {
      byCustomer.set(t.customerId, (h = { externalId: t.customerId, purchases: [] }));
    }
    h.purchases.push({ at: t.occurredAt, amount: t.amount });
  }
  return [...byCustomer.values()];
};

describe('insights: small shops get a usable model or a plain refusal, never a degenerate one', () => {
  let t: TestApp;
  let db: DataSource;
  const fit = (asOf = AS_OF) =>
    t.api().post('/v1/insights/models/fit').set(bearer(t.keys.marketer)).send({ asOf });
  const stored = async (): Promise<{ models: number; scores: number }> => {
    const [row] = await db.query<{ models: number; scores: number }[]>(
      `SELECT (SELECT count(*)::int FROM insight_models) AS models,
              (SELECT count(*)::int FROM member_insights) AS scores`,
    );
    return row ?? { models: -1, scores: -1 };
  };
  let shops = 0;
  /** One shop at a time: the previous shop's purchases are gone (its members stay, idle). */
  const openShop = async (members: number, seed: number): Promise<Map<string, string>> => {
    await db.query("DELETE FROM orders WHERE order_id LIKE 'test-%'");
    shops += 1;
    const histories = historiesOf(smallShopTransactions({ members, seed, asOf: HISTORY_END }));
    return insertHistories(
      db,
      histories.map((h) => ({ ...h, externalId: `${shops}-${h.externalId}` })),
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    t.clock.set(new Date('2025-03-01T12:00:00Z'));
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('10 members: too little history, and the answer says what is needed', async () => {
    await openShop(10, 1);
    const refused = await fit().expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'NOT_ENOUGH_PURCHASE_HISTORY',
      details: {
        customers: 10,
        minCustomers: 20,
        minRepeatCustomers: 10,
        recommendedRepeatCustomers: 200,
        recommendedHistoryWeeks: 26,
      },
    });
    expect(refused.body.error.message).toMatch(/at least 20 customers/);
    expect(refused.body.error.message).toMatch(/rank members by their spend/);
    expect(await stored()).toEqual({ models: 0, scores: 0 });
  });

  it('30 members: a fit whose parameter runs off to its bound is refused and nothing is stored', async () => {
    await openShop(30, 1);
    const refused = await fit().expect(422);
    console.log(`30-member shop: ${refused.body.error.message}`);
    expect(refused.body.error).toMatchObject({
      code: 'INSIGHT_MODEL_DEGENERATE',
      details: {
        model: 'gammaGamma',
        parameter: 'p',
        reason: 'at_bound',
        customers: 30,
        recommendedRepeatCustomers: 200,
      },
    });
    expect(refused.body.error.details.value).toBeGreaterThanOrEqual(1e4);
    expect(refused.body.error.message).toMatch(/at least 200 repeat buyers over at least 26 weeks/);
    expect(await stored()).toEqual({ models: 0, scores: 0 });
    // The nightly refresh logs the refusal and carries on without a model.
    t.clock.set(new Date('2025-01-01T00:00:00Z'));
    try {
      await expect(t.app.get(InsightsRefreshJob).nightly()).resolves.toBeNull();
    } finally {
      t.clock.set(new Date('2025-03-01T12:00:00Z'));
    }
    expect(await stored()).toEqual({ models: 0, scores: 0 });
  });

  it('100 members: the fit succeeds with every shape parameter well inside its bounds', async () => {
    const ids = await openShop(100, 3);
    const model = (await fit().expect(201)).body;
    console.log(
      `100-member shop: ${JSON.stringify(model.bgnbd)} ${JSON.stringify(model.gammaGamma)}`,
    );
    const params: Record<string, number> = { ...model.bgnbd, ...model.gammaGamma };
    for (const name of SHAPES) {
      expect(params[name]).toBeGreaterThan(1e-4);
      expect(params[name]).toBeLessThan(1e4);
    }
    expect(model.customers).toBe(100);
    expect(await stored()).toEqual({ models: 1, scores: 100 });
    // Members who stopped buying long ago are not all but certainly alive.
    const lost = await db.query<{ p_alive: number }[]>(
      `SELECT p_alive FROM member_insights WHERE frequency > 0 AND recency_days > 150 AND member_id = ANY($1::uuid[])`,
      [[...ids.values()]],
    );
    expect(lost.length).toBeGreaterThan(0);
    expect(Math.min(...lost.map((r) => r.p_alive))).toBeLessThan(0.9);
    // With a model, top_clv_percent ranks by CLV and says so.
    const campaign = await t
      .api()
      .post('/v1/campaigns')
      .set(bearer(t.keys.marketer))
      .send({
        name: 'Top 20% by CLV',
        active: false,
        audience: { segment: 'top_clv_percent', params: { percent: 20 } },
        gift: { type: 'points', points: 100 },
      })
      .expect(201);
    const dry = await t
      .api()
      .post(`/v1/campaigns/${campaign.body.id}/run`)
      .set(bearer(t.keys.marketer))
      .send({ dryRun: true })
      .expect(200);
    expect(dry.body).toMatchObject({ eligible: 20, valueBasis: 'clv', warnings: [] });
  });

  it('a degenerate refit keeps the previous model and its scores, on demand and nightly', async () => {
    const before = await db.query<{ id: string }[]>('SELECT id FROM insight_models');
    await openShop(30, 1);
    expect((await fit().expect(422)).body.error.code).toBe('INSIGHT_MODEL_DEGENERATE');
    t.clock.set(new Date('2025-01-01T00:00:00Z'));
    try {
      await expect(t.app.get(InsightsRefreshJob).nightly()).resolves.toBeNull();
    } finally {
      t.clock.set(new Date('2025-03-01T12:00:00Z'));
    }
    expect(await db.query<{ id: string }[]>('SELECT id FROM insight_models')).toEqual(before);
    expect(await stored()).toEqual({ models: 1, scores: 100 });
  });

  /** A CDNOW-format history (dollars) imported on its own and fitted at CDNOW's calibration end. */
  const fitCdnowFormat = async (transactions: readonly Transaction[], prefix: string) => {
    await db.query("DELETE FROM orders WHERE order_id LIKE 'test-%'");
    const inCents = transactions.map((tr) => ({
      ...tr,
      customerId: `${prefix}-${tr.customerId}`,
      amount: Math.round(tr.amount * 100),
    }));
    await insertHistories(db, historiesOf(inCents));
    return { model: (await fit('1997-09-30').expect(201)).body, inCents };
  };

  it('the synthetic CDNOW-format history fits as the library fits it, and near the parameters that drew it', async () => {
    const { model, inCents } = await fitCdnowFormat(
      cdnow.readCdnowSampleFile(synthetic.SYNTHETIC_CDNOW_FILE),
      'synthetic',
    );
    expect(model.customers).toBe(synthetic.SYNTHETIC_CDNOW_CUSTOMERS);
    const summaries = summarizeCustomers(inCents, new Date(Date.UTC(1997, 8, 30)));
    const bgnbd = fitBgNbd(bgnbdDataFromSummaries(summaries)).params;
    const spend = fitGammaGamma(gammaGammaDataFromSummaries(summaries)).params;
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(relativeError(model.bgnbd[key], bgnbd[key])).toBeLessThan(1e-3);
      // Within a factor of 1.5 of the truth: the library test bounds it by standard errors.
      expect(
        Math.abs(Math.log(model.bgnbd[key] / synthetic.SYNTHETIC_CDNOW_BGNBD[key])),
      ).toBeLessThan(Math.log(1.5));
    }
    for (const key of ['p', 'q', 'gamma'] as const) {
      expect(relativeError(model.gammaGamma[key], spend[key])).toBeLessThan(1e-3);
    }
  });

  cdnow.describeWithCdnowData('the CDNOW sample', ['CDNOW_sample.txt'], () => {
    it('fits as published (Fader, Hardie & Lee 2005; Fader & Hardie 2013)', async () => {
      const { model } = await fitCdnowFormat(cdnow.readCdnowSample(cdnow.CDNOW_DIR), 'cdnow');
      expect(model.customers).toBe(2357);
      const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
      for (const key of ['r', 'alpha', 'a', 'b'] as const) {
        expect(relativeError(model.bgnbd[key], published[key])).toBeLessThan(2e-3);
      }
      // Gamma-Gamma in cents: γ is 100 times the published 15.44 dollars.
      expect(relativeError(model.gammaGamma.p, 6.25)).toBeLessThan(5e-3);
      expect(relativeError(model.gammaGamma.q, 3.74)).toBeLessThan(5e-3);
      expect(relativeError(model.gammaGamma.gamma / 100, 15.44)).toBeLessThan(5e-3);
    });
  });
});
