import type { Page } from '@playwright/test';
import { expect, expectAccessible, openIn, screenshot, test } from './fixtures';
import { STORAGE_STATE } from './seed';

/** A write through the API with the page's own session (cookie and CSRF token). */
async function postAsSession(page: Page, path: string, data: unknown): Promise<{ id: string }> {
  const session = await page.request.get('/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.post(path, { data, headers: { 'X-CSRF-Token': csrfToken } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string };
}

test.describe('the audit log', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('finds a change by resource, and shows before and after side by side', async ({ page }) => {
    await openIn(page, 'en', '/console/audit-log');
    const key = await postAsSession(page, '/v1/api-keys', {
      name: 'Audit trail key',
      role: 'marketer',
    });
    await page.request.delete(`/v1/api-keys/${key.id}`, {
      headers: {
        'X-CSRF-Token': (
          (await (await page.request.get('/v1/auth/session')).json()) as {
            csrfToken: string;
          }
        ).csrfToken,
      },
    });

    await page.getByLabel('Resource type').selectOption('api_key');
    await page.getByLabel('Resource ID').fill(key.id);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`resourceId=${key.id}`));

    // Newest first: the revocation, then the creation.
    const entries = page.getByRole('button', { name: new RegExp(key.id) });
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('Revoked');
    await expect(entries.nth(1)).toContainText('Created');
    await expect(entries.nth(0)).toContainText('by Ava Admin');

    await entries.nth(0).click();
    const diff = page.getByRole('table', { name: 'Before and after' });
    const revokedAt = diff.getByRole('row', { name: /revokedAt/ });
    await expect(revokedAt).toContainText('Changed');
    await expect(revokedAt.getByRole('cell').nth(1)).toHaveText('null');
    await expect(revokedAt.getByRole('cell').nth(2)).toContainText('"20');
    await expect(diff.getByRole('row', { name: /^name/ })).toContainText('"Audit trail key"');
    await expect(diff.getByRole('row', { name: /^name/ })).not.toContainText('Changed');

    await page.getByRole('switch', { name: 'Only changed fields' }).check();
    await expect(diff.getByRole('row', { name: /^name/ })).toHaveCount(0);
    await expect(diff.getByRole('row', { name: /revokedAt/ })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'audit-log.entry.en');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/console\/audit-log$/);
  });

  test('filters by actor and days; a day with no changes shows a sentence', async ({ page }) => {
    await openIn(page, 'en', '/console/audit-log?fromDay=2001-01-01&toDay=2001-01-31');
    await expect(page.getByText('No changes match.')).toBeVisible();
    await expect(page.getByLabel('From day')).toHaveValue('2001-01-01');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    const first = page.getByRole('button', { name: /by Ava Admin/ }).first();
    await first.click();
    await page.getByRole('button', { name: 'Only this actor' }).first().click();
    await expect(page).toHaveURL(/actorId=/);
    await expect(page.getByRole('button', { name: /by Ava Admin/ }).first()).toBeVisible();
  });

  for (const language of ['en', 'fa'] as const) {
    test(`is accessible with an entry open, and photographed (${language})`, async ({ page }) => {
      await postAsSession(page, '/v1/api-keys', {
        name: `Photo key ${language}`,
        role: 'marketer',
      });
      await openIn(page, language, '/console/audit-log?resourceType=api_key');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page
        .getByRole('button', { name: new RegExp(language === 'fa' ? 'کلید API' : 'API key') })
        .first()
        .click();
      await expect(page.getByRole('table')).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `audit-log.open.${language}`);
    });
  }
});
