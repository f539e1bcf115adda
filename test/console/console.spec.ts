import { expect, expectAccessible, openIn, PERSIAN_DIGIT, screenshot, test } from './fixtures';
import { SEED, STORAGE_STATE } from './seed';

/** Every section of an admin's console: its path and its link's accessible name. */
const SECTIONS = [
  ['dashboard', 'Dashboard'],
  ['members', 'Members'],
  ['earning-rules', 'Earning rules'],
  ['tiers', 'Tiers'],
  ['rewards', 'Rewards'],
  ['referrals', 'Referrals'],
  ['campaigns', 'Campaigns'],
  ['program', 'Program'],
  ['audit-log', 'Audit log'],
  ['api-keys', 'API keys'],
  ['webhooks', 'Webhooks'],
  ['staff', 'Staff'],
] as const;

test.describe('an admin', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('starts on the dashboard', async ({ page }) => {
    await openIn(page, 'en', '/console/');
    await expect(page).toHaveURL(/\/console\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });

  test('finds a member seeded through the API, and opens their page', async ({ page }) => {
    await openIn(page, 'en', '/console/members');
    await page.getByLabel('Search members').fill('parisa');
    const row = page.getByRole('row', { name: /Parisa Kamali/ });
    await expect(row).toBeVisible();
    await expect(page.getByRole('row', { name: /Reza Nouri/ })).toHaveCount(0);
    await expect(row).toContainText('parisa@example.com');
    await row.getByRole('link', { name: 'Parisa Kamali' }).click();
    await expect(page).toHaveURL(/\/console\/members\/[0-9a-f-]{36}$/);
  });

  test('switches to فارسی (right to left, Persian digits), keeps it on reload, and back', async ({
    page,
  }) => {
    await page.goto('/console/members');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByLabel('Language').selectOption('fa');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'اعضا' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Parisa Kamali/ })).toContainText(PERSIAN_DIGIT);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('link', { name: 'اعضا' })).toBeVisible();

    await page.getByLabel('زبان').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  });

  test('sees every section, including API keys, Webhooks and Staff', async ({ page }) => {
    await openIn(page, 'en', '/console/members');
    const nav = page.getByRole('navigation');
    for (const [path, name] of SECTIONS) {
      await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute(
        'href',
        `/console/${path}`,
      );
    }
  });

  for (const language of ['en', 'fa'] as const) {
    test(`every page is accessible and photographed (${language})`, async ({ page }) => {
      for (const [path] of SECTIONS) {
        await openIn(page, language, `/console/${path}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('status')).toHaveCount(0);
        await expect(page.locator('html')).toHaveAttribute(
          'dir',
          language === 'fa' ? 'rtl' : 'ltr',
        );
        await expectAccessible(page);
        await screenshot(page, `${path}.${language}`);
      }
      await openIn(page, language, '/console/no-such-page');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `not-found.${language}`);
    });
  }

  test('an API error shows a message and a retry, never an endless spinner', async ({ page }) => {
    await page.route('**/v1/members?*', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'INTERNAL', message: 'Something broke.' } }),
      }),
    );
    await openIn(page, 'en', '/console/members');
    await expect(page.getByRole('alert')).toContainText('Something broke.');
    await expect(page.getByRole('status')).toHaveCount(0);
    await page.unroute('**/v1/members?*');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('row', { name: /Sara Ahmadi/ })).toBeVisible();
  });

  test('a session that ended elsewhere sends the user back to sign in', async ({
    page,
    context,
  }) => {
    await openIn(page, 'en', '/console/members');
    await expect(page.getByRole('row', { name: /Reza Nouri/ })).toBeVisible();
    await context.clearCookies();
    await page.getByLabel('Search members').fill('reza');
    await expect(page).toHaveURL(/\/console\/sign-in$/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('works from the keyboard: sections, language and search', async ({ page }) => {
    await openIn(page, 'en', '/console/members');
    await page.getByRole('link', { name: 'Rewards', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Rewards' })).toBeVisible();
    await page.getByRole('link', { name: 'Members', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Search members').focus();
    await page.keyboard.type('sara');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('row', { name: /Sara Ahmadi/ })).toBeVisible();
  });

  for (const language of ['en', 'fa'] as const) {
    test(`on a phone (390×844) the sections are behind the menu button (${language})`, async ({
      page,
    }) => {
      const names =
        language === 'en'
          ? { toggle: 'Show or hide the sections', tiers: 'Tiers' }
          : { toggle: 'نمایش یا پنهان کردن بخش‌ها', tiers: 'سطح‌ها' };
      await page.setViewportSize({ width: 390, height: 844 });
      await openIn(page, language, '/console/members');
      const toggle = page.getByRole('button', { name: names.toggle });
      const tiers = page.getByRole('link', { name: names.tiers, exact: true });
      await expect(toggle).toBeVisible();
      await expect(tiers).not.toBeInViewport();
      await toggle.click();
      await expect(tiers).toBeInViewport();
      await screenshot(page, `phone-navigation.${language}`);
      await tiers.click();
      await expect(page).toHaveURL(/\/console\/tiers$/);
      await expect(tiers).not.toBeInViewport();
      await expect(page.getByRole('heading', { level: 1, name: names.tiers })).toBeInViewport();
      await screenshot(page, `phone-tiers.${language}`);
    });
  }
});

test.describe('a cashier', () => {
  test.use({ storageState: STORAGE_STATE.cashier });

  test('starts at the till, and sees the till and Members only', async ({ page }) => {
    await openIn(page, 'en', '/console/');
    await expect(page).toHaveURL(/\/console\/till$/);
    await expect(page.getByText(`Signed in as ${SEED.staff.cashier.email}`)).toBeVisible();
    const links = page.getByRole('navigation').getByRole('link');
    await expect(links).toHaveCount(2);
    await expect(links.nth(0)).toHaveAccessibleName('Till');
    await expect(links.nth(1)).toHaveAccessibleName('Members');
  });
});
