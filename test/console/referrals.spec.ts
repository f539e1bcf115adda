import { expect, expectAccessible, openIn, screenshot, test } from './fixtures';
import { STORAGE_STATE } from './seed';

test.describe('referrals', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  for (const language of ['en', 'fa'] as const) {
    test(`the program and the referrals, accessible and photographed (${language})`, async ({
      page,
    }) => {
      await openIn(page, language, '/console/referrals');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const listTitle = language === 'en' ? 'Referrals made' : 'معرفی‌های انجام‌شده';
      await expect(page.getByRole('heading', { level: 2, name: listTitle })).toBeVisible();
      await expect(page.getByRole('status')).toHaveCount(0);
      await expectAccessible(page);
      await screenshot(page, `referrals.${language}`);
    });
  }

  test('shows the API validation message beside its field, and saves a change', async ({
    page,
  }) => {
    await openIn(page, 'en', '/console/referrals');
    const referrer = page.getByLabel('Points for the referrer');
    const before = await referrer.inputValue();
    await referrer.fill('-5');
    await page.getByRole('button', { name: 'Save the referral program' }).click();
    await expect(referrer).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/referrerPoints must not be less than 0/)).toBeVisible();

    await referrer.fill(String(Number(before) + 1));
    await page.getByRole('button', { name: 'Save the referral program' }).click();
    await expect(page.getByText('The referral program is saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Points for the referrer')).toHaveValue(
      String(Number(before) + 1),
    );
    await page.getByLabel('Points for the referrer').fill(before);
    await page.getByRole('button', { name: 'Save the referral program' }).click();
    await expect(page.getByText('The referral program is saved.').first()).toBeVisible();
  });
});
