import {
  expect,
  expectAccessible,
  expectNoSideScroll,
  openIn,
  PERSIAN_DIGIT,
  screenshot,
  test,
} from './fixtures';
import { STORAGE_STATE } from './seed';

test.describe('campaigns, for an admin', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('builds a two-criteria audience, previews it unsaved, saves, pauses, resumes and runs it', async ({
    page,
    context,
  }) => {
    const name = `Win back big spenders ${Date.now()}`;
    let previews = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/v1/campaigns/preview')) {
        previews += 1;
      }
    });
    await openIn(page, 'en', '/console/campaigns/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New campaign' })).toBeVisible();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Schedule (cron)').fill('0 10 * * 1');
    await expect(page.getByText('Every Monday at 10:00')).toBeVisible();

    await page.getByRole('combobox', { name: 'Criterion 1' }).click();
    await page.getByRole('option', { name: 'Top customers by value' }).click();
    await page.getByLabel('Top share by value (%)').fill('20');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await page.getByRole('combobox', { name: 'Criterion 2' }).click();
    await page.getByRole('option', { name: 'Inactive for a number of days' }).click();
    await page.getByLabel('Days without a purchase').fill('60');
    await page.getByLabel('Points to give').fill('500');
    await page.getByLabel('Holdout (%)').fill('10');

    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview of this form' });
    await expect(preview).toBeVisible();
    for (const figure of ['Eligible', 'Holdout', 'Expected grants', 'Points cost']) {
      await expect(preview.getByText(figure, { exact: true })).toBeVisible();
    }
    await expect(preview.getByText('Eligible', { exact: true }).locator('xpath=..')).toContainText(
      /Eligible\d+/,
    );
    // The global setup fitted the CLV models on the CDNOW sample: ranked by predicted value.
    await expect(preview).toContainText('Predicted lifetime value');
    await expect(preview).not.toContainText('CLV_NOT_AVAILABLE');
    expect(previews).toBe(1);
    // Nothing was saved by the preview.
    const before = await page.request.get('/v1/campaigns?limit=200');
    const listed = ((await before.json()) as { items: { name: string }[] }).items;
    expect(listed.map((campaign) => campaign.name)).not.toContain(name);
    await expectAccessible(page);
    await screenshot(page, 'campaign.preview.en');

    await page.getByRole('button', { name: 'Save campaign' }).click();
    await expect(page).toHaveURL(/\/console\/campaigns\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const id = page.url().split('/').pop() as string;
    const saved = (await (await page.request.get(`/v1/campaigns/${id}`)).json()) as {
      audience: unknown;
      schedule: string;
    };
    expect(saved.schedule).toBe('0 10 * * 1');
    expect(saved.audience).toEqual([
      { segment: 'top_clv_percent', params: { percent: 20 } },
      { segment: 'inactive_days', params: { days: 60 } },
    ]);

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByText('Paused', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run now' })).toBeDisabled();
    expect(
      ((await (await page.request.get(`/v1/campaigns/${id}`)).json()) as { active: boolean })
        .active,
    ).toBe(false);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByText('Active', { exact: true })).toBeVisible();
    expect(
      ((await (await page.request.get(`/v1/campaigns/${id}`)).json()) as { active: boolean })
        .active,
    ).toBe(true);

    await expect(page.getByText('This campaign has not run yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Run now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run this campaign now?' });
    await expect(dialog).toContainText(name);
    await dialog.getByRole('button', { name: 'Run it now' }).click();
    await expect(page.getByRole('region', { name: 'Result of the run' })).toBeVisible();
    await expect(dialog).toBeHidden();
    const runs = page.getByRole('table', { name: 'Runs' });
    await expect(runs.getByRole('row')).toHaveCount(2);
    await expect(runs).toContainText('manual');
    await expectAccessible(page);
    await screenshot(page, 'campaign.saved.en');

    await page.getByRole('link', { name: 'Back to campaigns' }).click();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('Every Monday at 10:00');
    await expect(row).toContainText('Active');

    const persian = await context.newPage();
    await openIn(persian, 'fa', `/console/campaigns/${id}`);
    await expect(persian.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(persian.getByText('هر دوشنبه ساعت ۱۰:۰۰')).toBeVisible();
    await expect(persian.getByRole('table', { name: 'اجراها' })).toContainText(PERSIAN_DIGIT);
    await expectAccessible(persian);
    await screenshot(persian, 'campaign.saved.fa');
  });

  test('shows the API’s validation beside a nested audience field', async ({ page }) => {
    await openIn(page, 'en', '/console/campaigns/new');
    await page.getByLabel('Name').fill('Too wide');
    await page.getByRole('combobox', { name: 'Criterion 1' }).click();
    await page.getByRole('option', { name: 'Top customers by value' }).click();
    // The field takes any decimals; the API allows two.
    await page.getByLabel('Top share by value (%)').fill('12.345');
    await page.getByLabel('Points to give').fill('10');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByLabel('Top share by value (%)')).toHaveAccessibleDescription(
      /percent must have at most 2 decimal places/,
    );
  });

  for (const language of ['en', 'fa'] as const) {
    test(`lists campaigns and opens the form (${language})`, async ({ page }) => {
      await openIn(page, language, '/console/campaigns');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `campaigns.${language}`);
      await openIn(page, language, '/console/campaigns/new');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page
        .getByRole('button', { name: language === 'en' ? 'Add a criterion' : 'افزودن شرط' })
        .click();
      await expectAccessible(page);
      await screenshot(page, `campaign.form.${language}`);
    });
  }

  test('the campaign form works at 390×844', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openIn(page, 'en', '/console/campaigns/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New campaign' })).toBeVisible();
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await expectNoSideScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'campaign.form.phone.en');
  });
});
