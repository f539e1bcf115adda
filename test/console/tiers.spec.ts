import { expect, expectAccessible, openIn, screenshot, test } from './fixtures';
import { STORAGE_STATE } from './seed';

test.describe('tiers', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('creates a tier, edits it, and sees the change saved', async ({ page }) => {
    await openIn(page, 'en', '/console/tiers');
    await page.getByRole('link', { name: 'New tier' }).click();
    await page.getByLabel(/^Name/).fill('Console Silver');
    await page.getByLabel(/^Code/).fill('console-silver');
    await page.getByLabel(/^Rank/).fill('10');
    await page.getByLabel('Threshold').fill('500');
    await page.getByLabel('Within days').fill('365');
    await page.getByRole('button', { name: 'Save the tier' }).click();

    const table = page.getByRole('table', { name: 'Tiers' });
    await expect(table.getByRole('row', { name: /Console Silver/ })).toContainText(
      '500 points earned in 365 days',
    );
    await table.getByRole('link', { name: 'Console Silver' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit tier' })).toBeVisible();
    await expect(page.getByLabel(/^Code/)).toHaveValue('console-silver');
    await page.getByLabel(/^Name/).fill('Console Silver Plus');
    await page.getByLabel('Points multiplier').fill('1.5');
    await page.getByLabel('Threshold').fill('750');
    await page.getByRole('button', { name: 'Save the tier' }).click();

    const row = table.getByRole('row', { name: /Console Silver Plus/ });
    await expect(row).toContainText('750 points earned in 365 days');
    await expect(row).toContainText('Points ×1.5');
    await page.reload();
    await table.getByRole('link', { name: 'Console Silver Plus' }).click();
    await expect(page.getByLabel('Points multiplier')).toHaveValue('1.5');
  });

  test('shows the API validation message beside the field', async ({ page }) => {
    await openIn(page, 'en', '/console/tiers/new');
    await page.getByLabel(/^Name/).fill('Broken');
    await page.getByLabel(/^Code/).fill('broken');
    await page.getByLabel(/^Rank/).fill('3');
    await page.getByLabel('Threshold').fill('-5');
    await page.getByLabel('Within days').fill('30');
    await page.getByRole('button', { name: 'Save the tier' }).click();
    await expect(page.getByLabel('Threshold')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/tiers\/new$/);
    await expectAccessible(page);
    await screenshot(page, 'tiers-form-error.en');
  });

  test('says plainly when the API refuses to delete a tier members are in', async ({ page }) => {
    // A member placed in a new tier through the API, with the signed-in session's CSRF token.
    const session = (await (await page.request.get('/v1/auth/session')).json()) as {
      csrfToken: string;
    };
    const headers = { 'X-CSRF-Token': session.csrfToken };
    const tier = await page.request.post('/v1/tiers', {
      headers,
      data: {
        code: 'console-busy',
        name: 'Console Busy',
        rank: 20,
        qualification: { metric: 'points_earned', threshold: 100000, windowDays: 365 },
      },
    });
    expect(tier.status()).toBe(201);
    const members = (await (await page.request.get('/v1/members?q=sara')).json()) as {
      items: { id: string }[];
    };
    const assigned = await page.request.put(`/v1/members/${members.items[0]?.id}/tier`, {
      headers,
      data: { tierCode: 'console-busy', reason: 'Browser test of a tier in use' },
    });
    expect(assigned.ok()).toBe(true);

    for (const language of ['en', 'fa'] as const) {
      await openIn(page, language, '/console/tiers');
      const name = language === 'en' ? 'Delete Console Busy' : 'حذف Console Busy';
      await page.getByRole('button', { name }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByRole('button', { name: language === 'en' ? 'Delete the tier' : 'حذف سطح' })
        .click();
      await expect(dialog.getByRole('alert')).toContainText(
        language === 'en'
          ? 'Members are in “Console Busy” now.'
          : 'اکنون اعضایی در «Console Busy» هستند.',
      );
      await expectAccessible(page);
      await screenshot(page, `tiers-in-use.${language}`);
    }
    await page.keyboard.press('Escape');
    await expect(page.getByRole('row', { name: /Console Busy/ })).toBeVisible();
  });

  for (const language of ['en', 'fa'] as const) {
    test(`the list and the form are accessible and photographed (${language})`, async ({
      page,
    }) => {
      await openIn(page, language, '/console/tiers');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('status')).toHaveCount(0);
      await expectAccessible(page);
      await screenshot(page, `tiers.${language}`);
      await openIn(page, language, '/console/tiers/new');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `tiers-form.${language}`);
    });
  }
});
