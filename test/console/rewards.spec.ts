import { expect, expectAccessible, openIn, PERSIAN_DIGIT, screenshot, test } from './fixtures';
import { STORAGE_STATE } from './seed';

test.describe('rewards, for an admin', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('creates a reward after the API’s validation shows beside its field; deactivates and deletes it', async ({
    page,
  }) => {
    const name = `Fifteen percent off ${Date.now()}`;
    await openIn(page, 'en', '/console/rewards/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New reward' })).toBeVisible();
    await page.getByLabel('Name').fill(name);
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Percent off' }).click();
    // The value field now means a percentage: 150 is refused by the API, beside the field.
    const percent = page.getByLabel('Percent off', { exact: true });
    await percent.fill('150');
    await page.getByLabel('Points cost').fill('300');
    await page.getByLabel('Stock', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Save reward' }).click();
    await expect(percent).toHaveAccessibleDescription(/must be a whole percentage from 1 to 100/);
    await expect(percent).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await screenshot(page, 'reward.form-error.en');

    await percent.fill('15');
    await page.getByRole('button', { name: 'Save reward' }).click();
    await expect(page).toHaveURL(/\/console\/rewards$/);
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('15%');
    await expect(row).toContainText('Active');
    const listed = (await (await page.request.get('/v1/rewards?limit=200')).json()) as {
      items: { id: string; name: string; value: unknown; stock: number | null }[];
    };
    const created = listed.items.find((reward) => reward.name === name);
    expect(created).toMatchObject({ value: 15, stock: 20 });

    await row.getByRole('button', { name: `Deactivate ${name}` }).click();
    await expect(row).toContainText('Inactive');
    await expect(row.getByRole('button', { name: `Activate ${name}` })).toBeVisible();

    await row.getByRole('button', { name: `Delete ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this reward?' });
    await expect(dialog).toContainText(name);
    await dialog.getByRole('button', { name: 'Delete it' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
    expect((await page.request.get(`/v1/rewards/${created?.id ?? ''}`)).status()).toBe(404);
  });

  for (const language of ['en', 'fa'] as const) {
    test(`lists rewards and edits one (${language})`, async ({ page }) => {
      const created = await page.request.post('/v1/rewards', {
        headers: { 'X-CSRF-Token': await csrfToken(page) },
        data: {
          name: `Free coffee ${language}`,
          type: 'free_product',
          value: 'COFFEE-1',
          pointsCost: 1200,
        },
      });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      await openIn(page, language, '/console/rewards');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const row = page.getByRole('row', { name: new RegExp(`Free coffee ${language}`) });
      if (language === 'fa') {
        await expect(row).toContainText(PERSIAN_DIGIT);
      }
      await expectAccessible(page);
      await screenshot(page, `rewards.${language}`);
      await openIn(page, language, `/console/rewards/${id}`);
      await expect(
        page.getByRole('heading', { level: 1, name: `Free coffee ${language}` }),
      ).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `reward.form.${language}`);
    });
  }
});

/** The session's CSRF token, as the console gets it, for a write made with the page's cookie. */
async function csrfToken(page: import('@playwright/test').Page): Promise<string> {
  const session = await page.request.get('/v1/auth/session');
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}
