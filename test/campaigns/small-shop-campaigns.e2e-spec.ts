import { DataSource } from 'typeorm';
import type { Transaction } from '@vafa/insights';
// Test-only generator kept beside the math it feeds; not the library's API.
// eslint-disable-next-line no-restricted-imports
import { smallShopTransactions } from '../../libs/insights/src/testing/small-shop';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { History, insertHistories } from '../insights/insights-helpers';

const DAY = 86_400_000;
const NOW = new Date('2025-03-01T12:00:00Z');
const MDE_Z = 1.959963984540054 + 0.8416212335729143;

interface Spender {
  memberId: string;
  spend: number;
  lastAt: number;
}

/** The documented proxy: net spend over the 365 days up to now, then the latest purchase, then id. */
const bySpend = (a: Spender, b: Spender): number =>
  b.spend - a.spend || b.lastAt - a.lastAt || (a.memberId < b.memberId ? -1 : 1);

describe('campaigns in a small shop: before any model, with a holdout too small to measure', () => {
  let t: TestApp;
  let db: DataSource;
  let transactions: Transaction[];
  const histories = new Map<string, History>();
  let ids: Map<string, string>;
  const spenders: Spender[] = [];
  const create = (body: Record<string, unknown>) =>
    t.api().post('/v1/campaigns').set(bearer(t.keys.marketer)).send(body);
  const run = (id: string, dryRun: boolean) =>
    t.api().post(`/v1/campaigns/${id}/run`).set(bearer(t.keys.marketer)).send({ dryRun });
  const latestRun = async (id: string): Promise<Record<string, unknown>> => {
    const response = await t
      .api()
      .get(`/v1/campaigns/${id}/results`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    return (response.body as { runs: Record<string, unknown>[] }).runs[0] ?? {};
  };
  const assigned = async (campaignId: string, group: string): Promise<string[]> =>
    (
      await db.query<{ member_id: string }[]>(
        `SELECT member_id FROM campaign_assignments WHERE campaign_id = $1 AND assigned_group = $2 ORDER BY member_id`,
        [campaignId, group],
      )
    ).map((r) => r.member_id);
  const topBySpend = (n: number): string[] =>
    [...spenders]
      .sort(bySpend)
      .slice(0, n)
      .map((s) => s.memberId)
      .sort();

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    t.clock.set(NOW);
    transactions = smallShopTransactions({ members: 30, seed: 5, asOf: NOW });
    for (const tr of transactions) {
      const h = histories.get(tr.customerId) ?? { externalId: tr.customerId, purchases: [] };
      h.purchases.push({ at: tr.occurredAt, amount: tr.amount });
      histories.set(tr.customerId, h);
    }
    // Big spenders who must not lead: a purchase returned in full, one returned but for 100.00,
    // and one more than 365 days ago.
    histories.set('returned', {
      externalId: 'returned',
      purchases: [{ at: new Date(NOW.getTime() - 10 * DAY), amount: 1_000_000 }],
    });
    histories.set('mostly-returned', {
      externalId: 'mostly-returned',
      purchases: [{ at: new Date(NOW.getTime() - 20 * DAY), amount: 1_000_000 }],
    });
    histories.set('long-ago', {
      externalId: 'long-ago',
      purchases: [{ at: new Date(NOW.getTime() - 400 * DAY), amount: 2_000_000 }],
    });
    ids = await insertHistories(db, [...histories.values()]);
    for (const [externalId, returned] of [
      ['returned', 1],
      ['mostly-returned', 0.99],
    ] as const) {
      await db.query(
        `INSERT INTO order_lines (member_id, order_uuid, line_no, sku, quantity, unit_price, net_amount, points, returned_quantity)
         SELECT member_id, id, 1, 'SKU', 100, 10000, 1000000, 0, $2 FROM orders WHERE member_id = $1`,
        [ids.get(externalId), returned * 100],
      );
    }
    for (const h of histories.values()) {
      const recent = h.purchases.filter((p) => p.at.getTime() > NOW.getTime() - 365 * DAY);
      if (recent.length === 0 || h.externalId === 'returned') {
        continue;
      }
      const spend =
        recent.reduce((sum, p) => sum + p.amount, 0) -
        (h.externalId === 'mostly-returned' ? 990_000 : 0);
      spenders.push({
        memberId: ids.get(h.externalId) ?? '',
        spend,
        lastAt: Math.max(...recent.map((p) => p.at.getTime())),
      });
    }
    // The tests below count on this history: a different draw would make them say nothing.
    if (spenders.length !== 31) {
      throw new Error(`expected 31 members who spent in the last year, got ${spenders.length}`);
    }
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('previews a draft top-20%-by-CLV campaign before any fit: ranked by spend, and says so', async () => {
    const body = {
      name: 'Top 20% by CLV',
      active: false,
      audience: { segment: 'top_clv_percent', params: { percent: 20 } },
      gift: { type: 'points', points: 100 },
      holdoutPercent: 10,
    };
    const draft = await create(body).expect(201);
    const dry = await run(draft.body.id, true).expect(200);
    // ceil(31 × 20 %) = 7 of the 31 members with spend in the last 365 days.
    expect(dry.body).toMatchObject({
      runId: null,
      dryRun: true,
      eligible: 7,
      holdout: 0,
      granted: 7,
      valueBasis: 'spend',
    });
    expect(dry.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'HOLDOUT_EMPTY',
      'CLV_NOT_AVAILABLE',
    ]);
    expect(dry.body.warnings[1].message).toContain('net spend over the last 365 days');
    expect(await assigned(draft.body.id, 'treated')).toEqual([]);

    // A real run of the draft is still refused; once active it grants the top spenders.
    expect((await run(draft.body.id, false).expect(422)).body.error.code).toBe(
      'CAMPAIGN_NOT_ACTIVE',
    );
    await t
      .api()
      .put(`/v1/campaigns/${draft.body.id}`)
      .set(bearer(t.keys.marketer))
      .send({ ...body, active: true })
      .expect(200);
    const real = await run(draft.body.id, false).expect(200);
    expect(real.body).toMatchObject({ eligible: 7, granted: 7, valueBasis: 'spend' });
    expect(await assigned(draft.body.id, 'treated')).toEqual(topBySpend(7));
    const treated = await assigned(draft.body.id, 'treated');
    for (const excluded of ['returned', 'mostly-returned', 'long-ago']) {
      expect(treated).not.toContain(ids.get(excluded));
    }
    const [stored] = await db.query<{ value_basis: string }[]>(
      'SELECT value_basis FROM campaign_runs WHERE id = $1',
      [real.body.runId],
    );
    expect(stored?.value_basis).toBe('spend');
    expect(await latestRun(draft.body.id)).toMatchObject({
      valueBasis: 'spend',
      measurable: false,
    });
  });

  it('5 eligible with a 10% holdout: warns HOLDOUT_EMPTY, and results say uplift is not measurable', async () => {
    const created = await create({
      name: 'Five best',
      // ceil(31 × 16.12 %) = 5
      audience: { segment: 'top_clv_percent', params: { percent: 16.12 } },
      gift: { type: 'points', points: 10 },
      holdoutPercent: 10,
    }).expect(201);
    const result = await run(created.body.id, false).expect(200);
    expect(result.body).toMatchObject({ eligible: 5, holdout: 0, granted: 5 });
    expect(result.body.warnings[0]).toEqual({
      code: 'HOLDOUT_EMPTY',
      message: expect.stringContaining('10% of 5 eligible members rounds down to 0'),
    });
    expect(result.body.warnings[0].message).toContain('at least 20 eligible members');
    const run0 = await latestRun(created.body.id);
    expect(run0).toMatchObject({
      eligible: 5,
      treated: 5,
      holdout: 0,
      measurable: false,
      minimumDetectableEffect: { basis: 'baseline', purchaseRate: null, spendPerMember: null },
      powerNote: expect.stringContaining('holdout is empty'),
    });
  });

  it('25 eligible with a 10% holdout of 2: results give the minimum detectable effect at those sizes', async () => {
    const start = new Date(NOW.getTime() + DAY);
    t.clock.set(start);
    const created = await create({
      name: 'Most of them',
      // ceil(31 × 80.64 %) = 25
      audience: { segment: 'top_clv_percent', params: { percent: 80.64 } },
      gift: { type: 'points', points: 10 },
      holdoutPercent: 10,
      followUpDays: 30,
    }).expect(201);
    const result = await run(created.body.id, false).expect(200);
    expect(result.body).toMatchObject({ eligible: 25, holdout: 2, granted: 23 });
    expect(result.body.warnings.map((w: { code: string }) => w.code)).toContain(
      'HOLDOUT_TOO_SMALL',
    );
    const treated = await assigned(created.body.id, 'treated');
    const holdout = await assigned(created.body.id, 'holdout');
    // Before the follow-up: the purchase rate's MDE, with p the members' rate in the 30 days before.
    const members = new Set([...treated, ...holdout]);
    const buyers = [...histories.values()].filter((h) => {
      const id = ids.get(h.externalId);
      return (
        id !== undefined &&
        members.has(id) &&
        h.purchases.some((p) => p.at.getTime() > start.getTime() - 30 * DAY)
      );
    });
    const p0 = buyers.length / members.size;
    const p = p0 > 0 && p0 < 1 ? p0 : 0.5;
    const rateMde = MDE_Z * Math.sqrt(p * (1 - p)) * Math.sqrt(1 / 23 + 1 / 2);
    const before = await latestRun(created.body.id);
    expect(before.minimumDetectableEffect).toMatchObject({
      basis: 'baseline',
      purchaseRateAssumed: expect.closeTo(p, 10),
      purchaseRate: expect.closeTo(rateMde, 10),
      spendPerMember: null,
    });
    expect(before.measurable).toBe(rateMde < 1 - p);

    // After the follow-up: from what the groups spent, with the pooled standard deviation.
    const spends = new Map<string, number>();
    for (const [i, memberId] of [...treated.slice(0, 6), holdout[0] ?? ''].entries()) {
      const amount = 1000 * (i + 1);
      spends.set(memberId, amount);
      await db.query(
        `INSERT INTO orders (member_id, id, order_id, channel, occurred_at, subtotal, total, source)
         VALUES ($1, gen_random_uuid(), 'follow-up-' || gen_random_uuid(), 'online', $2, $3, $3, 'import')`,
        [memberId, new Date(start.getTime() + 5 * DAY), amount],
      );
    }
    t.clock.set(new Date(start.getTime() + 31 * DAY));
    const variance = (group: string[]): number => {
      const values = group.map((m) => spends.get(m) ?? 0);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    };
    const pooled = Math.sqrt((22 * variance(treated) + 1 * variance(holdout)) / 23);
    const after = await latestRun(created.body.id);
    expect(after.followUpComplete).toBe(true);
    const observedRate = 7 / 25;
    expect(after.minimumDetectableEffect).toMatchObject({
      basis: 'observed',
      purchaseRateAssumed: expect.closeTo(observedRate, 10),
      spendPerMember: expect.closeTo(MDE_Z * pooled * Math.sqrt(1 / 23 + 1 / 2), 6),
    });
    expect(after.measurable).toBe(false);
    expect(after.spendPerMember).toMatchObject({ ci95: expect.any(Array) });
  });
});
