import { expect, expectAccessible, openIn, screenshot, test } from './fixtures';
import { STORAGE_STATE } from './seed';

test.describe('program settings', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  for (const language of ['en', 'fa'] as const) {
    test(`shows every setting, accessible and photographed (${language})`, async ({ page }) => {
      await openIn(page, language, '/console/program');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('status')).toHaveCount(0);
      await expectAccessible(page);
      await screenshot(page, `program.${language}`);
    });
  }

  test('shows the API validation message beside its field, and saves nothing', async ({ page }) => {
    await openIn(page, 'en', '/console/program');
    const percent = page.getByLabel('Most of an order points may pay (%)');
    await expect(percent).toHaveValue('100');
    await percent.fill('150');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect(percent).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/maxRedeemPercent must not be greater than 100/)).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'program-error.en');
    await page.reload();
    await expect(page.getByLabel('Most of an order points may pay (%)')).toHaveValue('100');
  });

  test('saves a change', async ({ page }) => {
    await openIn(page, 'en', '/console/program');
    await expect(page.getByLabel('Pending days')).toHaveValue('0');
    await page.getByLabel('Pending days').fill('7');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect(page.getByText('The program settings are saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Pending days')).toHaveValue('7');
    // Other suites check out orders on the same server: put the return window back.
    await page.getByLabel('Pending days').fill('0');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect(page.getByText('The program settings are saved.')).toBeVisible();
  });
});
