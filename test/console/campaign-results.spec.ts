import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { parseCsv } from '../support/parse-csv';
import {
  expect,
  expectAccessible,
  openIn,
  PERSIAN_DIGIT,
  screenshot,
  test,
  type Language,
} from './fixtures';
import { STORAGE_STATE } from './seed';

/** The console's locales (apps/console/src/format/format.ts): what the page formats with. */
const LOCALE: Record<Language, string> = { en: 'en-GB', fa: 'fa-IR-u-nu-arabext-ca-persian' };

const NAMES = {
  en: {
    runs: 'Runs',
    counts: 'Members of the run by group',
    counted: ['Eligible', 'Treated (granted)', 'Holdout', 'Skipped'],
    purchases: 'Purchases per member',
    spend: 'Spend per member',
    rows: ['Treated', 'Holdout', 'Uplift'],
    table: 'Table',
    members: 'Members of this run',
    holdout: 'Holdout',
    exportCsv: 'Export CSV',
    loadMore: 'Load more',
    ended: 'The follow-up ended on',
    ends: 'The follow-up ends on',
    tooFew: 'Too few members to measure',
  },
  fa: {
    runs: 'اجراها',
    counts: 'اعضای اجرا به تفکیک گروه',
    counted: ['واجد شرایط', 'گروه هدف (اهداشده)', 'گروه کنترل', 'کنار گذاشته'],
    purchases: 'خرید به ازای هر عضو',
    spend: 'هزینه‌کرد به ازای هر عضو',
    rows: ['گروه هدف', 'گروه کنترل', 'افزایش'],
    table: 'جدول',
    members: 'اعضای این اجرا',
    holdout: 'گروه کنترل',
    exportCsv: 'خروجی CSV',
    loadMore: 'بیشتر',
    ended: 'پایان یافت',
    ends: 'پایان می‌یابد',
    tooFew: 'اعضا برای سنجش بسیار کم‌اند',
  },
} as const;

interface Comparison {
  treated: number;
  holdout: number;
  uplift: number;
  ci95: [number, number] | null;
}
interface RunResults {
  runId: string;
  eligible: number;
  treated: number;
  holdout: number;
  skipped: number;
  measurable: boolean;
  followUpComplete: boolean;
  purchasesPerMember: Comparison | null;
  spendPerMember: Comparison | null;
}
interface RunMember {
  memberId: string;
  name: string | null;
  cardNumber: string;
  externalId: string | null;
  group: string;
  reason: string | null;
  points: number;
  assignedAt: string;
}
interface Program {
  currency: string;
  minorUnitsPerMajor: number;
}

/**
 * The follow-up: the CDNOW sample's purchases of March 1997 (the customers' first quarter, when
 * many of them buy again).
 */
const RUN_STARTED_AT = '1997-03-01T00:00:00.000Z';
const FOLLOW_UP_DAYS = 31;

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Every member of the run (or of one group), through the API's pages. */
async function runMembers(
  request: APIRequestContext,
  path: string,
  group?: string,
): Promise<RunMember[]> {
  const members: RunMember[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '200' });
    if (group) {
      query.set('group', group);
    }
    if (cursor) {
      query.set('cursor', cursor);
    }
    const page: { items: RunMember[]; nextCursor: string | null } = await json(
      request,
      `${path}?${query.toString()}`,
    );
    members.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return members;
}

/** Numbers as the page should show them, by the browser's own Intl in the language. */
async function formatted(
  page: Page,
  language: Language,
  values: number[],
  money?: Program,
): Promise<string[]> {
  let options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };
  let scale = 1;
  if (money) {
    const digits = Math.round(Math.log10(money.minorUnitsPerMajor));
    options = {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    };
    scale = money.minorUnitsPerMajor;
  }
  // A string expression: the console's CSP forbids the eval a function argument would need.
  return page.evaluate<string[]>(
    `${JSON.stringify(values)}.map((v) => new Intl.NumberFormat(${JSON.stringify(
      LOCALE[language],
    )}, ${JSON.stringify(options)}).format(v / ${scale}))`,
  );
}

async function bodyCells(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr');
  const cells: string[][] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    cells.push((await rows.nth(i).getByRole('cell').allInnerTexts()).map((text) => text.trim()));
  }
  return cells;
}

const csvRow = (m: RunMember): string[] =>
  [m.memberId, m.name, m.cardNumber, m.externalId, m.group, m.reason, m.points, m.assignedAt].map(
    (value) => (value === null ? '' : String(value)),
  );

test.describe('a campaign run with a holdout', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  let campaignId = '';
  let runId = '';
  let smallCampaignId = '';
  let smallRunId = '';

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext({ storageState: STORAGE_STATE.admin });
    const request = context.request;
    const base = process.env.VAFA_CONSOLE_TEST_URL ?? '';
    const { csrfToken } = await json<{ csrfToken: string }>(request, `${base}/v1/auth/session`);
    const post = async <T>(path: string, data: unknown, status: number): Promise<T> => {
      const response = await request.post(`${base}${path}`, {
        data,
        headers: { 'X-CSRF-Token': csrfToken },
      });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
      return (await response.json()) as T;
    };
    // No purchase for ten years: the CDNOW sample's customers (1997–98) and no one another test
    // enrols, whose balances those tests check.
    ({ id: campaignId } = await post<{ id: string }>(
      '/v1/campaigns',
      {
        name: `Thank the 1997 customers ${Date.now()}`,
        audience: { segment: 'inactive_days', params: { days: 3650 } },
        gift: { type: 'points', points: 1 },
        holdoutPercent: 50,
        followUpDays: FOLLOW_UP_DAYS,
      },
      201,
    ));
    const run = await post<{ runId: string; holdout: number; granted: number }>(
      `/v1/campaigns/${campaignId}/run`,
      {},
      200,
    );
    runId = run.runId;
    expect(run.holdout).toBeGreaterThan(1000);
    expect(run.granted).toBeGreaterThan(1000);
    // The top 0.1% of them by CLV: 10% of 3 members rounds down to an empty holdout.
    ({ id: smallCampaignId } = await post<{ id: string }>(
      '/v1/campaigns',
      {
        name: `Thank the very best ${Date.now()}`,
        audience: {
          segment: 'inactive_days',
          params: { days: 3650 },
          and: [{ segment: 'top_clv_percent', params: { percent: 0.1 } }],
        },
        gift: { type: 'points', points: 1 },
        holdoutPercent: 10,
      },
      201,
    ));
    ({ runId: smallRunId } = await post<{ runId: string }>(
      `/v1/campaigns/${smallCampaignId}/run`,
      {},
      200,
    ));
    await context.close();

    // The server runs on the real clock, so a run made now would wait 31 days for its results.
    // The sample's history is in 1997–98: the run is moved to 1 March 1997, which makes March
    // 1997's purchases its follow-up. Results count orders after the run's started_at; the
    // assignments' time (assignedAt) moves with it so the members list tells the same story.
    const db = new Client({ connectionString: process.env.VAFA_CONSOLE_TEST_DATABASE_URL });
    await db.connect();
    try {
      await db.query(`UPDATE campaign_runs SET started_at = $2, finished_at = $2 WHERE id = $1`, [
        runId,
        RUN_STARTED_AT,
      ]);
      await db.query(`UPDATE campaign_assignments SET created_at = $2 WHERE run_id = $1`, [
        runId,
        RUN_STARTED_AT,
      ]);
    } finally {
      await db.end();
    }
  });

  for (const language of ['en', 'fa'] as const) {
    test(`shows its results and interval, its members and their CSV (${language})`, async ({
      page,
    }) => {
      const names = NAMES[language];
      const resultsPath = `/v1/campaigns/${campaignId}/results`;
      const membersPath = `/v1/campaigns/${campaignId}/runs/${runId}/members`;
      const program = await json<Program>(page.request, '/v1/program');
      const run = (await json<{ runs: RunResults[] }>(page.request, resultsPath)).runs.find(
        (r) => r.runId === runId,
      );
      expect(run).toMatchObject({ followUpComplete: true, measurable: true });
      const purchases = run?.purchasesPerMember;
      const spend = run?.spendPerMember;
      if (!run || !purchases?.ci95 || !spend?.ci95) {
        throw new Error('no interval to show');
      }

      // From the campaign's runs table to the run's results.
      await openIn(page, language, `/console/campaigns/${campaignId}`);
      await page.getByRole('table', { name: names.runs }).getByRole('link').first().click();
      await expect(page).toHaveURL(new RegExp(`/console/campaigns/${campaignId}/runs/${runId}$`));
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Thank the 1997');

      const counts = page.getByRole('list', { name: names.counts });
      const countTexts = await formatted(page, language, [
        run.eligible,
        run.treated,
        run.holdout,
        run.skipped,
      ]);
      for (const [i, label] of names.counted.entries()) {
        await expect(counts.getByRole('listitem').nth(i)).toHaveText(`${label}${countTexts[i]}`);
      }
      await expect(page.getByText(names.ended)).toBeVisible();
      if (language === 'fa') {
        await expect(counts).toContainText(PERSIAN_DIGIT);
      }

      const panels: [string, Comparison, Program | undefined][] = [
        [names.purchases, purchases, undefined],
        [names.spend, spend, program],
      ];
      const expected = async (comparison: Comparison, money?: Program) =>
        formatted(
          page,
          language,
          [
            comparison.treated,
            comparison.holdout,
            comparison.uplift,
            comparison.ci95?.[0] ?? Number.NaN,
            comparison.ci95?.[1] ?? Number.NaN,
          ],
          money,
        );
      const panelOf = (title: string) =>
        page.getByRole('region', { name: new RegExp(`^${title}`) });
      for (const [title, comparison, money] of panels) {
        const panel = panelOf(title);
        const chart = panel.getByRole('img');
        await expect(chart).toBeVisible();
        // The uplift's 95% interval, drawn as error bars on the uplift point.
        await expect(chart.locator('.recharts-errorBar line')).toHaveCount(3);
        const [, , uplift, low, high] = await expected(comparison, money);
        await expect(panel).toContainText(uplift as string);
        await expect(panel).toContainText(low as string);
        await expect(panel).toContainText(high as string);
        if (language === 'fa' && money === undefined) {
          // Right to left, the value axis stands on the right of the plot.
          const axis = await chart.locator('.recharts-yAxis').boundingBox();
          const plot = await chart.boundingBox();
          expect((axis?.x ?? 0) > (plot?.x ?? 0) + (plot?.width ?? 0) / 2).toBe(true);
        }
      }
      await expectAccessible(page);
      await screenshot(page, `campaign-results.${language}`);

      // The same numbers in each chart's table view.
      for (const [title, comparison, money] of panels) {
        const panel = panelOf(title);
        const [treated, holdout, uplift, low, high] = await expected(comparison, money);
        await panel.getByRole('tab', { name: names.table }).click();
        const table = panel.getByRole('table', { name: new RegExp(`^${title}`) });
        expect(await bodyCells(table)).toEqual([
          [names.rows[0], treated, '', ''],
          [names.rows[1], holdout, '', ''],
          [names.rows[2], uplift, low, high],
        ]);
      }

      // The members: the first page as the API lists it, then the holdout, then more of it.
      const members = page.getByRole('region', { name: names.members });
      const list = members.getByRole('table', { name: names.members });
      const firstPage = (await json<{ items: RunMember[] }>(page.request, membersPath)).items;
      await expect(list.locator('tbody tr')).toHaveCount(50);
      expect((await bodyCells(list)).map((row) => row[2])).toEqual(
        firstPage.map((m) => m.externalId),
      );
      await members.getByRole('radiogroup').getByText(names.holdout, { exact: true }).click();
      const holdout = await runMembers(page.request, membersPath, 'holdout');
      expect(holdout).toHaveLength(run.holdout);
      await expect(list.locator('tbody tr')).toHaveCount(50);
      await members.getByRole('button', { name: names.loadMore }).click();
      await expect(list.locator('tbody tr')).toHaveCount(100);
      const shown = await bodyCells(list);
      expect(shown.map((row) => row[2])).toEqual(holdout.slice(0, 100).map((m) => m.externalId));
      expect(new Set(shown.map((row) => row[3]))).toEqual(new Set([names.holdout]));
      await expectAccessible(page);

      // The server's CSV of the holdout: every one of its members, as the API lists them.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        members.getByRole('button', { name: names.exportCsv }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`campaign-${campaignId}-run-${runId}-members.csv`);
      const file = readFileSync(await download.path(), 'utf8');
      expect(file.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = parseCsv(file);
      expect(header).toEqual([
        'memberId',
        'name',
        'cardNumber',
        'externalId',
        'group',
        'reason',
        'points',
        'assignedAt',
      ]);
      expect(rows).toEqual(holdout.map(csvRow));
      expect(rows[0]?.[7]).toBe(RUN_STARTED_AT);
    });
  }

  for (const language of ['en', 'fa'] as const) {
    test(`says plainly when a run is too small to measure (${language})`, async ({ page }) => {
      const names = NAMES[language];
      const run = (
        await json<{ runs: (RunResults & { powerNote: string | null })[] }>(
          page.request,
          `/v1/campaigns/${smallCampaignId}/results`,
        )
      ).runs.find((r) => r.runId === smallRunId);
      expect(run).toMatchObject({ measurable: false, followUpComplete: false });
      await openIn(page, language, `/console/campaigns/${smallCampaignId}/runs/${smallRunId}`);
      await expect(page.getByText(names.tooFew)).toBeVisible();
      await expect(page.getByText(run?.powerNote ?? 'no power note')).toBeVisible();
      await expect(page.getByText(names.ends)).toBeVisible();
      await expect(
        page.getByRole('region', { name: new RegExp(`^${names.purchases}`) }),
      ).toHaveCount(0);
      await expectAccessible(page);
      await screenshot(page, `campaign-results.too-few.${language}`);
    });
  }
});
