// The export's batches are checked at a small batch size; the service is not the library's API.
// eslint-disable-next-line no-restricted-imports
import { RunMembersExport } from '../../libs/campaigns/src/run-members.query';
import { ledgerOf } from '../support/ledger-helpers';
import { parseCsv } from '../support/parse-csv';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';

const DAY = 86_400_000;
const START = new Date('2027-03-01T09:00:00.000Z');
const FOLLOW_UP_DAYS = 10;
const COLUMNS = [
  'memberId',
  'name',
  'cardNumber',
  'externalId',
  'group',
  'reason',
  'points',
  'assignedAt',
];
/** A name a spreadsheet would run as a formula, with a comma and quotes to escape. */
const FORMULA_NAME = '=HYPERLINK("http://evil"), Sara';

interface RunMember {
  memberId: string;
  name: string | null;
  cardNumber: string;
  externalId: string | null;
  group: 'treated' | 'holdout' | 'skipped';
  reason: string | null;
  points: number;
  assignedAt: string;
}
interface MemberPage {
  items: RunMember[];
  nextCursor: string | null;
}
interface Comparison {
  treated: number;
  holdout: number;
  uplift: number;
  ci95: [number, number] | null;
}
interface Purchase {
  memberId: string;
  at: Date;
  amount: number;
}

/** Mean and sample variance over a group, members without a purchase counting 0. */
function meanAndVariance(values: number[]): { n: number; mean: number; variance: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { n, mean, variance };
}

/**
 * Welch's normal approximation, as documented by GET /v1/campaigns/{id}/results: nothing to
 * compare with an empty group, no interval below 2 members in a group.
 */
function expectedComparison(treated: number[], holdout: number[]): Comparison | null {
  if (treated.length === 0 || holdout.length === 0) {
    return null;
  }
  const t = meanAndVariance(treated);
  const h = meanAndVariance(holdout);
  const uplift = t.mean - h.mean;
  const se = Math.sqrt(t.variance / t.n + h.variance / h.n);
  return {
    treated: t.mean,
    holdout: h.mean,
    uplift,
    ci95: t.n > 1 && h.n > 1 ? [uplift - 1.96 * se, uplift + 1.96 * se] : null,
  };
}

describe('GET /v1/campaigns/{id}/runs/{runId}/members and its CSV export', () => {
  let t: TestApp;
  const members: TestMember[] = [];
  let campaignId: string;
  let firstRun: string;
  let secondRun: string;
  let luckyCampaign: string;
  let luckyRun: string;
  const marketer = () => bearer(t.keys.marketer);
  const list = (campaign: string, run: string, query: Record<string, string | number> = {}) =>
    t.api().get(`/v1/campaigns/${campaign}/runs/${run}/members`).query(query).set(marketer());
  const exportCsv = (campaign: string, run: string, query: Record<string, string> = {}) =>
    t
      .api()
      .get(`/v1/campaigns/${campaign}/runs/${run}/members/export`)
      .query(query)
      .set(marketer());
  const everyone = async (
    campaign: string,
    run: string,
    query: Record<string, string> = {},
  ): Promise<RunMember[]> => {
    const all: RunMember[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await list(campaign, run, { ...query, limit: 7, ...(cursor ? { cursor } : {}) }).expect(200)
      ).body as MemberPage;
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return all;
  };
  const runNow = async (id: string) =>
    (await t.api().post(`/v1/campaigns/${id}/run`).set(marketer()).send({}).expect(200)).body as {
      runId: string;
      skippedReasons: Record<string, number>;
    } & Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(START);
    for (let i = 0; i < 20; i++) {
      members.push(
        await t.member({
          name: i === 0 ? FORMULA_NAME : `Run member ${i}`,
          ...(i % 2 === 0 ? { externalId: `crm-${i}` } : {}),
        }),
      );
    }
    const created = await t
      .api()
      .post('/v1/campaigns')
      .set(marketer())
      .send({
        name: 'Measured with a holdout',
        audience: { segment: 'all' },
        gift: { type: 'points', points: 10 },
        holdoutPercent: 50,
        cooldownDays: 30,
        followUpDays: FOLLOW_UP_DAYS,
        budget: { maxGrantsPerRun: 8 },
      })
      .expect(201);
    campaignId = (created.body as { id: string }).id;
    const lucky = await t
      .api()
      .post('/v1/campaigns')
      .set(marketer())
      .send({
        name: 'A lucky few',
        audience: { segment: 'all' },
        gift: { type: 'points', points: 1 },
        probability: 0.05,
      })
      .expect(201);
    luckyCampaign = (lucky.body as { id: string }).id;
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('pages through every member of a run by member id, each with its group and points', async () => {
    const run = await runNow(campaignId);
    firstRun = run.runId;
    expect(run).toMatchObject({ eligible: 20, holdout: 10, granted: 8, skipped: 2 });

    const first = (await list(campaignId, firstRun, { limit: 7 }).expect(200)).body as MemberPage;
    expect(first.items).toHaveLength(7);
    expect(first.nextCursor).toEqual(expect.any(String));
    const all = await everyone(campaignId, firstRun);
    expect(all.slice(0, 7)).toEqual(first.items);
    const ids = all.map((m) => m.memberId);
    expect(ids).toEqual(members.map((m) => m.id).sort());

    for (const item of all) {
      const member = members.find((m) => m.id === item.memberId);
      expect(item).toMatchObject({
        name: member?.name,
        cardNumber: member?.cardNumber,
        externalId: member?.externalId ?? null,
        assignedAt: START.toISOString(),
      });
    }
    const treated = await everyone(campaignId, firstRun, { group: 'treated' });
    const holdout = await everyone(campaignId, firstRun, { group: 'holdout' });
    const skipped = await everyone(campaignId, firstRun, { group: 'skipped' });
    expect(treated).toHaveLength(8);
    expect(holdout).toHaveLength(10);
    expect(skipped).toHaveLength(2);
    expect(
      treated.every((m) => m.group === 'treated' && m.points === 10 && m.reason === null),
    ).toBe(true);
    expect(holdout.every((m) => m.group === 'holdout' && m.points === 0 && m.reason === null)).toBe(
      true,
    );
    expect(skipped.map((m) => [m.group, m.reason, m.points])).toEqual([
      ['skipped', 'budget', 0],
      ['skipped', 'budget', 0],
    ]);
    expect([...treated, ...holdout, ...skipped].map((m) => m.memberId).sort()).toEqual(ids);
  });

  it('gives each skipped member its reason: cooldown, chance, budget', async () => {
    t.clock.set(new Date(START.getTime() + DAY));
    const run = await runNow(campaignId);
    secondRun = run.runId;
    const skipped = await everyone(campaignId, secondRun, { group: 'skipped' });
    const reasons: Record<string, number> = {};
    for (const m of skipped) {
      reasons[m.reason ?? 'none'] = (reasons[m.reason ?? 'none'] ?? 0) + 1;
    }
    expect(reasons).toEqual(run.skippedReasons);
    // Everyone the first run treated or held out and this run does not hold out is cooling down.
    expect(reasons.cooldown).toBeGreaterThan(0);

    const lucky = await runNow(luckyCampaign);
    luckyRun = lucky.runId;
    const luckySkipped = await everyone(luckyCampaign, luckyRun, { group: 'skipped' });
    expect(luckySkipped.length).toBe(lucky.skipped);
    expect(luckySkipped.length).toBeGreaterThan(0);
    expect(new Set(luckySkipped.map((m) => m.reason))).toEqual(new Set(['chance']));
  });

  it('answers results that match a hand computation once the follow-up window has passed', async () => {
    // Purchases inside the windows of both runs, one after both windows and one before both.
    const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : 1));
    const purchases: Purchase[] = sorted.flatMap((m, i): Purchase[] => {
      const at = (days: number) => new Date(START.getTime() + days * DAY);
      switch (i % 4) {
        case 0:
          return [
            { memberId: m.id, at: at(2), amount: 1000 * (i + 1) },
            { memberId: m.id, at: at(3), amount: 500 },
          ];
        case 1:
          return [{ memberId: m.id, at: at(5), amount: 2500 }];
        case 2:
          return [{ memberId: m.id, at: at(11.5), amount: 9999 }];
        default:
          return [{ memberId: m.id, at: at(-1), amount: 7777 }];
      }
    });
    t.clock.set(new Date(START.getTime() + 12 * DAY));
    for (const [n, p] of purchases.entries()) {
      await t
        .api()
        .post('/v1/pos/checkouts')
        .set(bearer(t.keys.cashier))
        .set('Idempotency-Key', `run-members-${n}`)
        .send({
          member: { id: p.memberId },
          orderId: `run-members-${n}`,
          channel: 'store',
          occurredAt: p.at.toISOString(),
          lines: [{ sku: 'TEA-100', quantity: 1, unitPrice: p.amount }],
        })
        .expect(201);
    }
    const results = (
      await t.api().get(`/v1/campaigns/${campaignId}/results`).set(marketer()).expect(200)
    ).body as {
      runs: ({
        runId: string;
        startedAt: string;
        treated: number;
        holdout: number;
        skipped: number;
        eligible: number;
        followUpComplete: boolean;
        purchasesPerMember: Comparison | null;
        spendPerMember: Comparison | null;
      } & Record<string, unknown>)[];
    };
    for (const runId of [firstRun, secondRun]) {
      const answer = results.runs.find((r) => r.runId === runId);
      const start = new Date(answer?.startedAt ?? 0).getTime();
      const inWindow = (p: Purchase) =>
        p.at.getTime() > start && p.at.getTime() <= start + FOLLOW_UP_DAYS * DAY;
      const groupOf = async (group: string) =>
        (await everyone(campaignId, runId, { group })).map((m) => m.memberId);
      const treated = await groupOf('treated');
      const holdout = await groupOf('holdout');
      const skipped = await groupOf('skipped');
      const orders = (id: string) => purchases.filter((p) => p.memberId === id && inWindow(p));
      const count = (ids: string[]) => ids.map((id) => orders(id).length);
      const spend = (ids: string[]) =>
        ids.map((id) => orders(id).reduce((sum, p) => sum + p.amount, 0));

      expect(answer).toMatchObject({
        followUpComplete: true,
        eligible: treated.length + holdout.length + skipped.length,
        treated: treated.length,
        holdout: holdout.length,
        skipped: skipped.length,
      });
      const closeToPair = ([low, high]: [number, number]): unknown[] => [
        expect.closeTo(low, 6),
        expect.closeTo(high, 6),
      ];
      const closeTo = (expected: Comparison) => ({
        treated: expect.closeTo(expected.treated, 9),
        holdout: expect.closeTo(expected.holdout, 9),
        uplift: expect.closeTo(expected.uplift, 9),
        ci95: expected.ci95 && closeToPair(expected.ci95),
      });
      const expectClose = (actual: Comparison | null | undefined, expected: Comparison | null) =>
        expect(actual).toEqual(expected && { ...actual, ...closeTo(expected) });
      expectClose(answer?.purchasesPerMember, expectedComparison(count(treated), count(holdout)));
      expectClose(answer?.spendPerMember, expectedComparison(spend(treated), spend(holdout)));
    }
    // The first run (8 treated, 10 held out) has an interval to compare.
    expect(results.runs.find((r) => r.runId === firstRun)?.spendPerMember?.ci95).toHaveLength(2);
  });

  it('exports the same members as the list, as RFC 4180 CSV with formulas kept as text', async () => {
    const response = await exportCsv(campaignId, firstRun).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="campaign-${campaignId}-run-${firstRun}-members.csv"`,
    );
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    expect(response.text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(response.text);
    expect(header).toEqual(COLUMNS);
    const asRow = (m: RunMember): string[] =>
      [
        m.memberId,
        m.name === FORMULA_NAME ? `'${FORMULA_NAME}` : m.name,
        m.cardNumber,
        m.externalId,
        m.group,
        m.reason,
        m.points,
        m.assignedAt,
      ].map((v) => (v === null ? '' : String(v)));
    expect(rows).toEqual((await everyone(campaignId, firstRun)).map(asRow));
    expect(response.text).toContain(`"'=HYPERLINK(""http://evil""), Sara"`);

    const holdout = parseCsv((await exportCsv(campaignId, firstRun, { group: 'holdout' })).text);
    expect(holdout.slice(1)).toEqual(
      (await everyone(campaignId, firstRun, { group: 'holdout' })).map(asRow),
    );
    const lucky = parseCsv((await exportCsv(luckyCampaign, luckyRun, { group: 'skipped' })).text);
    expect(lucky.slice(1).map((row) => row[5])).toEqual(
      (await everyone(luckyCampaign, luckyRun, { group: 'skipped' })).map(() => 'chance'),
    );
  });

  it('streams the export in keyset batches that together are the whole run', async () => {
    const service = t.app.get(RunMembersExport);
    const batches: string[][] = [];
    for await (const batch of service.all(campaignId, firstRun, undefined, 6)) {
      batches.push(batch.map((m) => m.memberId));
    }
    expect(batches.map((b) => b.length)).toEqual([6, 6, 6, 2]);
    expect(batches.flat()).toEqual(members.map((m) => m.id).sort());
  });

  it('answers 404 for an unknown campaign or run, or a run of another campaign', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of ['members', 'members/export']) {
      const get = (campaign: string, run: string) =>
        t.api().get(`/v1/campaigns/${campaign}/runs/${run}/${path}`).set(marketer());
      expect((await get(unknown, firstRun).expect(404)).body.error.code).toBe('CAMPAIGN_NOT_FOUND');
      expect((await get(campaignId, unknown).expect(404)).body.error.code).toBe('RUN_NOT_FOUND');
      expect((await get(campaignId, luckyRun).expect(404)).body.error.code).toBe('RUN_NOT_FOUND');
      expect((await get(campaignId, 'not-a-uuid').expect(400)).body.error.code).toBe(
        'VALIDATION_FAILED',
      );
    }
  });

  it('answers 400 for a group or cursor it does not know', async () => {
    const queries: Record<string, string | number>[] = [
      { group: 'granted' },
      { cursor: 'nope' },
      { cursor: Buffer.from(JSON.stringify(['x'])).toString('base64url') },
      { cursor: Buffer.from(JSON.stringify([1, 2])).toString('base64url') },
      { limit: 0 },
      { limit: 201 },
    ];
    for (const query of queries) {
      const response = await list(campaignId, firstRun, query).expect(400);
      expect((response.body as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
    await exportCsv(campaignId, firstRun, { group: 'everyone' }).expect(400);
  });

  it('is for marketers and admins: 403 for a cashier or a member', async () => {
    const member = await t.member();
    for (const path of ['members', 'members/export']) {
      const url = `/v1/campaigns/${campaignId}/runs/${firstRun}/${path}`;
      await t.api().get(url).set(bearer(t.keys.admin)).expect(200);
      await t.api().get(url).set(bearer(t.keys.marketer)).expect(200);
      await t.api().get(url).set(bearer(t.keys.cashier)).expect(403);
      await t.api().get(url).set(bearer(t.keys.integration)).expect(403);
      await t.api().get(url).set(bearer(member.token)).expect(403);
    }
  });
});
