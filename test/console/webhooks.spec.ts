import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import {
  expect,
  expectAccessible,
  expectNoSideScroll,
  openIn,
  screenshot,
  test,
  type Language,
} from './fixtures';
import { STORAGE_STATE } from './seed';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a receiver path answers: 200, a server error, or 410 Gone (which disables the endpoint). */
type Mode = 200 | 500 | 410;

/** The merchant's system: a plain http server on 127.0.0.1 that keeps every request it gets. */
class Receiver {
  readonly received: Received[] = [];
  private readonly modes = new Map<string, Mode>();
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      this.received.push({
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const mode = this.modes.get(path) ?? 200;
      response.writeHead(mode, { 'content-type': 'application/json' });
      response.end(mode === 500 ? '{"error":"database down"}' : '{"ok":true}');
    });
  });

  static async start(): Promise<Receiver> {
    const receiver = new Receiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  answer(path: string, mode: Mode): void {
    this.modes.set(path, mode);
  }

  /** The deliveries of one event to a path (the same webhook-id on every attempt). */
  of(path: string, eventId?: string): Received[] {
    return this.received.filter(
      (r) => r.path === path && (eventId === undefined || r.headers['webhook-id'] === eventId),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The envelope, verified as a receiver verifies it: throws unless signed with the secret. */
function verified(secret: string, request: Received): { id: string; type: string; data: unknown } {
  return new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as {
    id: string;
    type: string;
    data: unknown;
  };
}

const WORDS = {
  en: {
    add: 'Add endpoint',
    newTitle: 'New webhook endpoint',
    url: 'URL',
    eventTypes: 'Event types',
    description: 'Description',
    create: 'Create endpoint',
    secretTitle: "The endpoint's signing secret",
    once: 'You will not see this secret again.',
    secret: 'The signing secret',
    copy: 'Copy secret',
    copied: 'Copied',
    done: 'I have copied it',
    sendTest: 'Send test event',
    succeeded: 'Succeeded',
  },
  fa: {
    add: 'افزودن نشانی',
    newTitle: 'نشانی وب‌هوک تازه',
    url: 'نشانی',
    eventTypes: 'نوع رویدادها',
    description: 'توضیح',
    create: 'ساخت نشانی',
    secretTitle: 'کلید امضای نشانی',
    once: 'این کلید را دیگر نخواهید دید.',
    secret: 'کلید امضا',
    copy: 'رونوشت کلید',
    copied: 'رونوشت شد',
    done: 'رونوشت گرفتم',
    sendTest: 'ارسال رویداد آزمایشی',
    succeeded: 'موفق',
  },
} as const;

/**
 * Adds an endpoint through the dialog (subscribed to two event types no flow of the browser tests
 * emits, so only its test events reach it), keeps the secret shown once, and opens its page.
 */
async function createEndpoint(
  page: Page,
  language: Language,
  url: string,
  photograph = false,
): Promise<{ id: string; secret: string }> {
  const words = WORDS[language];
  await openIn(page, language, '/console/webhooks');
  await page.getByRole('button', { name: words.add }).click();
  const dialog = page.getByRole('dialog', { name: words.newTitle });
  await dialog.getByRole('textbox', { name: words.url, exact: true }).fill(url);
  const eventTypes = dialog.getByRole('combobox', { name: words.eventTypes });
  await eventTypes.click();
  await page.getByRole('option', { name: /^member\.birthday/ }).click();
  await page.getByRole('option', { name: /^tier\.downgrade_warning/ }).click();
  await eventTypes.press('Tab');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await dialog.getByRole('textbox', { name: words.description }).fill('Browser test receiver');
  if (photograph) {
    await expect(dialog).toHaveCSS('opacity', '1');
    await expectAccessible(page);
    await screenshot(page, `webhooks.new.${language}`);
  }
  await dialog.getByRole('button', { name: words.create }).click();

  const shown = page.getByRole('dialog', { name: words.secretTitle });
  await expect(shown).toContainText(words.once);
  const secret = (await shown.getByLabel(words.secret).textContent()) ?? '';
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  await shown.getByRole('button', { name: words.copy }).click();
  await expect(shown.getByRole('button', { name: words.copied, exact: true })).toBeVisible();
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
  if (photograph) {
    // Checked once the button has turned back from Copied, when its colours are settled.
    await expect(shown.getByRole('button', { name: words.copy })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, `webhooks.secret.${language}`);
  }
  await shown.getByRole('button', { name: words.done }).click();
  await expect(page).toHaveURL(/\/console\/webhooks\/[0-9a-f-]{36}$/);
  await expect(page.getByText(secret)).toHaveCount(0);
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  return { id, secret };
}

/** The card of the newest delivery of a webhook.test event on the endpoint's page. */
const newestTestDelivery = (page: Page) =>
  page.getByRole('region', { name: /^webhook\.test/ }).first();

test.describe('webhooks', () => {
  test.use({ storageState: STORAGE_STATE.admin });
  let receiver: Receiver;

  test.beforeAll(async () => {
    receiver = await Receiver.start();
  });
  test.afterAll(async () => {
    await receiver.close();
  });
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  for (const language of ['en', 'fa'] as const) {
    test(`an endpoint shows its secret once and gets a signed test event (${language})`, async ({
      page,
    }) => {
      const path = `/signed-${language}`;
      const { id, secret } = await createEndpoint(page, language, receiver.url(path), true);
      const words = WORDS[language];
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText('member.birthday, tier.downgrade_warning')).toBeVisible();

      await page.getByRole('button', { name: words.sendTest }).click();
      const card = newestTestDelivery(page);
      await expect(card.getByText(words.succeeded, { exact: true })).toBeVisible();
      await expect.poll(() => receiver.of(path).length).toBe(1);
      const [request] = receiver.of(path);
      const event = verified(secret, request!);
      expect(event.type).toBe('webhook.test');
      expect(event.data).toMatchObject({ endpointId: id });
      await expect(card).toContainText(event.id);
      const attempts = card.getByRole('table');
      await expect(attempts.getByRole('row')).toHaveCount(2);
      await expect(attempts.getByRole('row').nth(1)).toContainText(
        language === 'en' ? '200' : '۲۰۰',
      );
      await expect(attempts.getByRole('row').nth(1)).toContainText('{"ok":true}');
      await expectAccessible(page);
      await screenshot(page, `webhooks.endpoint.${language}`);

      // On a phone the page fits without scrolling sideways (the attempts scroll in their box).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await expect(card.getByRole('table')).toBeVisible();
      await expectNoSideScroll(page);
      await expectAccessible(page);
      await screenshot(page, `webhooks.endpoint.phone.${language}`);
      await page.setViewportSize({ width: 1280, height: 800 });

      await openIn(page, language, '/console/webhooks');
      const row = page.getByRole('row', { name: new RegExp(receiver.url(path)) });
      await expect(row).toContainText('Browser test receiver');
      await expect(row).toContainText('member.birthday, tier.downgrade_warning');
      await expect(row).toContainText(language === 'en' ? 'Enabled' : 'فعال');
      await expectAccessible(page);
      await screenshot(page, `webhooks.${language}`);
    });
  }

  test('a URL the API refuses is said beside the field', async ({ page }) => {
    await openIn(page, 'en', '/console/webhooks');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'New webhook endpoint' });
    const url = dialog.getByRole('textbox', { name: 'URL', exact: true });
    await url.fill('ftp://127.0.0.1/hooks');
    await dialog.getByRole('button', { name: 'Create endpoint' }).click();
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText('This URL is not accepted: use a full https:// address');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(dialog).toHaveCSS('opacity', '1');
    await expectAccessible(page);
    await screenshot(page, 'webhooks.url-refused.en');
  });

  test('failed attempts are listed, a recovered receiver gets the event redelivered, and 410 disables', async ({
    page,
  }) => {
    const path = '/flaky';
    receiver.answer(path, 500);
    const { secret } = await createEndpoint(page, 'en', receiver.url(path));
    await page.getByRole('button', { name: 'Send test event' }).click();

    // The first attempt at once, the second 5 s later (±10%): both answered 500.
    const failing = newestTestDelivery(page);
    await expect(failing).toContainText('Attempts: 2', { timeout: 20_000 });
    await expect(failing.getByText('Pending', { exact: true })).toBeVisible();
    await expect(failing).toContainText('next attempt');
    const attempts = failing.getByRole('table');
    await expect(attempts.getByRole('row')).toHaveCount(3);
    for (const n of [1, 2]) {
      await expect(attempts.getByRole('row').nth(n)).toContainText('500');
      await expect(attempts.getByRole('row').nth(n)).toContainText('HTTP 500');
      await expect(attempts.getByRole('row').nth(n)).toContainText('{"error":"database down"}');
    }
    const eventId = verified(secret, receiver.of(path)[0]!).id;
    await expectAccessible(page);
    await screenshot(page, 'webhooks.failing.en');

    receiver.answer(path, 200);
    await failing.getByRole('button', { name: /^Redeliver webhook\.test/ }).click();
    await expect(page.getByRole('region', { name: /^webhook\.test/ })).toHaveCount(2);
    const redelivered = newestTestDelivery(page);
    await expect(redelivered.getByText('Succeeded', { exact: true })).toBeVisible();
    await expect(redelivered).toContainText(eventId);
    // The same event (its webhook-id) again, signed: the receiver deduplicates on the id.
    const received = receiver.of(path, eventId);
    expect(received).toHaveLength(3);
    expect(verified(secret, received[2]!).id).toBe(eventId);

    await page
      .getByRole('radiogroup', { name: 'Show deliveries' })
      .getByText('Succeeded', { exact: true })
      .click();
    await expect(page.getByRole('region', { name: /^webhook\.test/ })).toHaveCount(1);
    await page
      .getByRole('radiogroup', { name: 'Show deliveries' })
      .getByText('All', { exact: true })
      .click();

    // 410 Gone: the delivery fails at once and the endpoint is disabled, saying why.
    receiver.answer(path, 410);
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(page.getByText('The receiver answered 410 Gone.')).toBeVisible();
    await expect(page.getByText('Disabled', { exact: true })).toBeVisible();
    await page
      .getByRole('radiogroup', { name: 'Show deliveries' })
      .getByText('Failed', { exact: true })
      .click();
    const gone = page.getByRole('region', { name: /^webhook\.test/ });
    await expect(gone).toHaveCount(1);
    await expect(gone.getByRole('table')).toContainText('410');
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The endpoint is disabled: enable it first' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'webhooks.disabled.en');

    // Enabled again through Edit, it gets events again.
    receiver.answer(path, 200);
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the endpoint' });
    await edit.getByRole('switch', { name: 'Enabled' }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toHaveCount(0);
    await expect(page.getByText('Enabled', { exact: true })).toBeVisible();
    await page
      .getByRole('radiogroup', { name: 'Show deliveries' })
      .getByText('All', { exact: true })
      .click();
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(page.getByRole('region', { name: /^webhook\.test/ })).toHaveCount(4);
    await expect(newestTestDelivery(page).getByText('Succeeded', { exact: true })).toBeVisible();
  });

  test('a rotated secret is shown once, and both secrets sign during the overlap', async ({
    page,
  }) => {
    const path = '/rotated';
    const { secret: before } = await createEndpoint(page, 'en', receiver.url(path));
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const confirm = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
    await expect(confirm).toContainText('For 24 hours deliveries are signed with both');
    await confirm.getByRole('button', { name: 'Rotate secret' }).click();
    const shown = page.getByRole('dialog', { name: 'The new signing secret' });
    await expect(shown).toContainText('You will not see this secret again.');
    await expect(shown).toContainText('The previous secret still signs deliveries until');
    const after = (await shown.getByLabel('The signing secret').textContent()) ?? '';
    expect(after).toMatch(/^whsec_/);
    expect(after).not.toBe(before);
    await expect(shown).toHaveCSS('opacity', '1');
    await expectAccessible(page);
    await screenshot(page, 'webhooks.rotated.en');
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await expect(shown).toHaveCount(0);
    await expect(page.getByText(after)).toHaveCount(0);
    await expect(page.getByText('The previous secret still signs deliveries until')).toBeVisible();

    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(newestTestDelivery(page).getByText('Succeeded', { exact: true })).toBeVisible();
    await expect.poll(() => receiver.of(path).length).toBe(1);
    const [request] = receiver.of(path);
    expect(verified(after, request!).type).toBe('webhook.test');
    expect(verified(before, request!).type).toBe('webhook.test');
  });

  test('deleting asks first, and the endpoint is gone', async ({ page }) => {
    const url = receiver.url('/deleted');
    await createEndpoint(page, 'en', url);
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the endpoint?' });
    await expect(confirm).toContainText(url);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page).toHaveURL(/\/console\/webhooks$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(url) })).toHaveCount(0);
  });
});

test.describe('notification settings in Program', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('are checked by the API beside their fields, and saved as GET /v1/program answers', async ({
    page,
  }) => {
    await openIn(page, 'en', '/console/program');
    const reminders = page.getByRole('combobox', { name: 'Expiry reminders (days before)' });
    const warning = page.getByRole('textbox', { name: 'Tier downgrade warning (days before)' });
    await expect(warning).toHaveValue('14');
    // The tags as the program has them: 30 and 7 by default.
    await reminders.click();
    await reminders.press('Backspace');
    await reminders.press('Backspace');
    await reminders.fill('400');
    await reminders.press('Enter');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect(reminders).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/expiryReminderDays must not be greater than 365/)).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'program-notifications-error.en');

    await reminders.click();
    await reminders.press('Backspace');
    for (const day of ['60', '14', '3']) {
      await reminders.fill(day);
      await reminders.press('Enter');
    }
    await warning.fill('0');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect(page.getByText('The program settings are saved.')).toBeVisible();
    const program = (await (await page.request.get('/v1/program')).json()) as {
      expiryReminderDays: number[];
      tierDowngradeWarningDays: number;
    };
    expect(program).toMatchObject({ expiryReminderDays: [60, 14, 3], tierDowngradeWarningDays: 0 });

    await page.reload();
    await expect(warning).toHaveValue('0');
    for (const day of ['60', '14', '3']) {
      await expect(page.getByText(day, { exact: true })).toBeVisible();
    }

    // Other suites share the server: the defaults back.
    await reminders.click();
    for (let i = 0; i < 3; i++) {
      await reminders.press('Backspace');
    }
    for (const day of ['30', '7']) {
      await reminders.fill(day);
      await reminders.press('Enter');
    }
    await warning.fill('14');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect(page.getByText('The program settings are saved.')).toBeVisible();
    expect(await (await page.request.get('/v1/program')).json()).toMatchObject({
      expiryReminderDays: [30, 7],
      tierDowngradeWarningDays: 14,
    });
  });
});
