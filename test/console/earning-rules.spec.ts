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

test.describe('earning rules', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('creates a rule, tries a basket line by line, and deactivates the rule', async ({
    page,
  }) => {
    await openIn(page, 'en', '/console/earning-rules');
    await page.getByRole('link', { name: 'New rule' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New earning rule' })).toBeVisible();
    await page.getByLabel(/^Name/).fill('Coffee lovers');
    await page.getByLabel('Priority', { exact: true }).fill('5');
    await page.getByLabel('Points per 1 USD').fill('2');
    const categories = page.getByRole('combobox', { name: 'Categories' });
    await categories.fill('coffee');
    await categories.press('Enter');
    await page.getByRole('button', { name: 'Save the rule' }).click();

    const row = page
      .getByRole('table', { name: 'Earning rules' })
      .getByRole('row', { name: /Coffee lovers/ });
    await expect(row).toContainText('2 points per USD');
    await expect(row).toContainText('Categories: coffee');
    await expect(row).toContainText('Active');

    const basket = page.getByRole('region', { name: 'Try a basket' });
    await basket.getByRole('combobox', { name: 'Member' }).fill('parisa');
    await page.getByRole('option', { name: /Parisa Kamali/ }).click();
    await basket.getByLabel('SKU').fill('COF-1');
    await basket.getByLabel('Category').fill('coffee');
    await basket.getByLabel('Quantity').fill('2');
    await basket.getByLabel('Unit price (USD)').fill('10');
    await basket.getByRole('button', { name: 'Add a line' }).click();
    await basket.getByLabel('SKU').nth(1).fill('PAS-1');
    await basket.getByLabel('Category').nth(1).fill('pastry');
    await basket.getByLabel('Unit price (USD)').nth(1).fill('5.50');
    await basket.getByRole('button', { name: 'Try the basket' }).click();

    const lines = basket.getByRole('table', { name: 'Points line by line' });
    // 2 × 10.00 at 2 points per dollar; the pastry matches no rule.
    const coffee = lines.getByRole('row', { name: /COF-1/ });
    await expect(coffee).toContainText('US$20.00');
    await expect(coffee).toContainText('40');
    await expect(coffee).toContainText('Coffee lovers');
    await expect(lines.getByRole('row', { name: /PAS-1/ })).toContainText('No rule');
    // The tier suite may put every member in a tier with a multiplier meanwhile: the rule's own
    // share is what this test knows.
    await expect(basket.getByText('Coffee lovers: 40 points')).toBeVisible();
    await expect(basket.getByText(/^Total: \d+ points$/)).toBeVisible();
    await expect(basket.getByText('Subtotal: US$25.50')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'earning-rules-basket.en');

    await row.getByRole('button', { name: 'Deactivate Coffee lovers' }).click();
    await expect(row).toContainText('Inactive');
    await expect(row.getByRole('button', { name: 'Activate Coffee lovers' })).toBeVisible();
  });

  test('shows the API validation message beside the field it concerns', async ({ page }) => {
    await openIn(page, 'en', '/console/earning-rules/new');
    await page.getByLabel(/^Name/).fill('Too small');
    await page.getByLabel('Multiplier').fill('0.5');
    await page.getByRole('button', { name: 'Save the rule' }).click();
    await expect(page.getByLabel('Multiplier')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/multiplier must not be less than 1/)).toBeVisible();
    await expect(page).toHaveURL(/\/earning-rules\/new$/);
  });

  test('asks before deleting a rule, and deletes it', async ({ page }) => {
    await openIn(page, 'en', '/console/earning-rules/new');
    await page.getByLabel(/^Name/).fill('Short lived');
    await page.getByLabel('Fixed points per order').fill('10');
    await page.getByRole('button', { name: 'Save the rule' }).click();
    const row = page.getByRole('row', { name: /Short lived/ });
    await expect(row).toContainText('+10 points per order');
    await row.getByRole('button', { name: 'Delete Short lived' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this rule?' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'earning-rules-delete.en');
    await dialog.getByRole('button', { name: 'Delete the rule' }).click();
    await expect(page.getByRole('row', { name: /Short lived/ })).toHaveCount(0);
  });

  for (const language of ['en', 'fa'] as const) {
    test(`the rule form is accessible and photographed (${language})`, async ({ page }) => {
      await openIn(page, language, '/console/earning-rules/new');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `earning-rules-form.${language}`);

      await page.setViewportSize({ width: 390, height: 844 });
      await expectAccessible(page);
      await screenshot(page, `earning-rules-form.390.${language}`);
      await expectNoSideScroll(page);
    });

    test(`the list and the basket are accessible and photographed (${language})`, async ({
      page,
    }) => {
      await openIn(page, language, '/console/earning-rules');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('status')).toHaveCount(0);
      await expectAccessible(page);
      await screenshot(page, `earning-rules.${language}`);
      if (language === 'fa') {
        await expect(page.locator('main')).toContainText(PERSIAN_DIGIT);
      }
    });
  }
});
