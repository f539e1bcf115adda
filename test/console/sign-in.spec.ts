import { expect, expectAccessible, openIn, screenshot, test } from './fixtures';
import { SEED } from './seed';

test.describe('signing in and out', () => {
  test('a wrong password says so; the right one opens the dashboard', async ({ page }) => {
    const user = SEED.staff.signIn;
    await openIn(page, 'en', '/console/');
    await expect(page).toHaveURL(/\/console\/sign-in$/);
    await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('do not match');

    await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/console\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
  });

  test('signing out ends the session: the console asks to sign in again', async ({ page }) => {
    const user = SEED.staff.signOut;
    await openIn(page, 'en', '/console/sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/console\/sign-in$/);
    await page.goto('/console/members');
    await expect(page).toHaveURL(/\/console\/sign-in$/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  for (const language of ['en', 'fa'] as const) {
    test(`the sign-in page is accessible (${language})`, async ({ page }) => {
      await openIn(page, language, '/console/sign-in');
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `sign-in.${language}`);
    });
  }
});
