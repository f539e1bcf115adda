import { expect, expectAccessible, openIn, screenshot, test } from './fixtures';
import { STORAGE_STATE } from './seed';

const NO_COOKIES = { cookies: [], origins: [] };

test.describe('staff users', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('creates a user with a generated password, edits, disables and deletes them', async ({
    page,
    playwright,
    baseURL,
  }) => {
    await openIn(page, 'en', '/console/staff');
    await page.getByRole('button', { name: 'Add staff user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New staff user' });
    await dialog.getByLabel('Email').fill('admin@vafa.test');
    await dialog.getByLabel('Name').fill('Nima New');
    await dialog.getByLabel('Role').selectOption('marketer');
    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill('too-short');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(dialog).toContainText('Use at least 12 characters.');

    await dialog.getByRole('button', { name: 'Generate a password' }).click();
    const password = await dialog
      .getByRole('textbox', { name: 'Password', exact: true })
      .inputValue();
    expect(password).toHaveLength(20);
    await expect(dialog.getByRole('textbox', { name: 'Password', exact: true })).toHaveAttribute(
      'type',
      'text',
    );
    await dialog.getByRole('button', { name: 'Add user' }).click();
    // The API's conflict, beside the field it concerns.
    await expect(dialog.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByLabel('Email').fill('nima@vafa.test');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(dialog).toHaveCount(0);

    const row = page.getByRole('row', { name: /Nima New/ });
    await expect(row).toContainText('nima@vafa.test');
    await expect(row).toContainText('Marketer');
    await expect(row).toContainText('Never');

    // Without the admin's cookie: a sign-in ends the session of the cookie it is sent with.
    const browserless = await playwright.request.newContext({ baseURL, storageState: NO_COOKIES });
    const signIn = () =>
      browserless.post('/v1/auth/session', { data: { email: 'nima@vafa.test', password } });
    expect((await signIn()).status()).toBe(201);

    await row.getByRole('button', { name: 'Edit Nima New' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Nima New' });
    await edit.getByLabel('Role').selectOption('cashier');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toContainText('A cashier needs a store.');
    await edit.getByLabel('Store').fill('store-2');
    await edit.getByLabel('Disabled').check();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toHaveCount(0);
    await expect(row).toContainText('Cashier');
    await expect(row).toContainText('store-2');
    await expect(row).toContainText('Disabled');
    expect((await signIn()).status()).not.toBe(201);
    await browserless.dispose();

    await row.getByRole('button', { name: 'Delete Nima New' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the staff user?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByRole('row', { name: /Nima New/ })).toHaveCount(0);
  });

  for (const language of ['en', 'fa'] as const) {
    test(`the list and the new-user form are accessible and photographed (${language})`, async ({
      page,
    }) => {
      await openIn(page, language, '/console/staff');
      await expect(page.getByRole('table')).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `staff.${language}`);
      await page
        .getByRole('button', { name: language === 'en' ? 'Add staff user' : 'افزودن کارمند' })
        .click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toHaveCSS('opacity', '1');
      await dialog
        .getByRole('button', { name: language === 'en' ? 'Generate a password' : 'ساخت گذرواژه' })
        .click();
      await expectAccessible(page);
      await screenshot(page, `staff.new.${language}`);
    });
  }
});
