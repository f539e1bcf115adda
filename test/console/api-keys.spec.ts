import { expect, expectAccessible, openIn, screenshot, test } from './fixtures';
import { STORAGE_STATE } from './seed';

test.describe('API keys', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('creates a key shown once, revokes it, and finds both in the audit log', async ({
    page,
    context,
    playwright,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openIn(page, 'en', '/console/api-keys');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await dialog.getByLabel('Name').fill('Till of store 9');
    await dialog.getByLabel('Role').selectOption('cashier');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await expect(dialog.getByLabel('Store')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText('A cashier key needs its store.');
    await dialog.getByLabel('Store').fill('store-9');
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('dialog', { name: 'Your new API key' });
    await expect(shown).toContainText('This key will not be shown again.');
    const secret = (await shown.getByLabel('The new API key').textContent()) ?? '';
    expect(secret).toMatch(/^vafa_sk_/);
    await shown.getByRole('button', { name: 'Copy key' }).click();
    await expect(shown.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toBe(secret);
    await expectAccessible(page);
    await screenshot(page, 'api-keys.created.en');

    // The key works as a cashier of store 9.
    const asKey = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { Authorization: `Bearer ${secret}` },
    });
    expect((await asKey.get('/v1/members')).status()).toBe(200);

    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await expect(shown).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);
    const row = page.getByRole('row', { name: /Till of store 9/ });
    await expect(row).toContainText('Cashier');
    await expect(row).toContainText('store-9');
    await expect(row).toContainText(secret.slice(0, 14));

    await row.getByRole('button', { name: 'Revoke Till of store 9' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke the key?' });
    await expect(confirm).toContainText('“Till of store 9” will stop working at once');
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(row).toContainText('Revoked on');
    await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
    expect((await asKey.get('/v1/members')).status()).toBe(401);
    await asKey.dispose();

    // Both changes are in the audit log, newest first.
    const list = (await (await page.request.get('/v1/api-keys?limit=200')).json()) as {
      items: { id: string; name: string }[];
    };
    const id = list.items.find((key) => key.name === 'Till of store 9')?.id ?? '';
    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Resource ID').fill(id);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const entries = page.getByRole('button', { name: new RegExp(id) });
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('Revoked');
    await expect(entries.nth(1)).toContainText('Created');
    await entries.nth(1).click();
    await expect(page.getByRole('table', { name: 'Before and after' })).toContainText(
      '"Till of store 9"',
    );
  });

  for (const language of ['en', 'fa'] as const) {
    test(`the list and the dialogs are accessible and photographed (${language})`, async ({
      page,
    }) => {
      await openIn(page, language, '/console/api-keys');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('table')).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `api-keys.${language}`);
      await page
        .getByRole('button', { name: language === 'en' ? 'Create API key' : 'ساخت کلید API' })
        .click();
      // Checked once the opening transition has ended, when colours are their own.
      await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1');
      await expectAccessible(page);
      await screenshot(page, `api-keys.new.${language}`);
    });
  }
});
