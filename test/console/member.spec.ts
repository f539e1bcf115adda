import type { Page } from '@playwright/test';
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

interface MemberAnswer {
  id: string;
  points: { available: number };
}

/** A seeded member, found through the API with the page's own session. */
async function findMember(page: Page, q: string): Promise<MemberAnswer> {
  const response = await page.request.get(`/v1/members?q=${encodeURIComponent(q)}`);
  expect(response.ok()).toBe(true);
  const { items } = (await response.json()) as { items: MemberAnswer[] };
  expect(items).toHaveLength(1);
  return items[0] as MemberAnswer;
}

async function memberNow(page: Page, id: string): Promise<MemberAnswer> {
  const response = await page.request.get(`/v1/members/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as MemberAnswer;
}

test.describe('the member page, for an admin', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('grants goodwill once on a double click, and the balance changes', async ({ page }) => {
    const mina = await findMember(page, 'mina@example.com');
    expect(mina.points.available).toBe(0);
    await openIn(page, 'en', `/console/members/${mina.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Mina Goodwill' })).toBeVisible();
    const points = page.getByRole('region', { name: 'Points' });
    await expect(points).toContainText('Available0');

    const grant = page.getByRole('region', { name: 'Grant goodwill' });
    await grant.getByLabel('Points', { exact: false }).first().fill('250');
    await grant.getByLabel('Support ticket').fill('SUP-77');
    await grant.getByLabel('Note').fill('Parcel arrived late');
    await grant.getByRole('button', { name: 'Grant points' }).dblclick();

    await expect(grant.getByRole('status')).toHaveText('Granted 250 points. Available now: 250.');
    await expect(points).toContainText('Available250');
    const activity = page.getByRole('region', { name: 'Activity' });
    await expect(activity).toContainText('SUP-77');
    await expect(activity.getByText('+250 points')).toHaveCount(1);
    expect((await memberNow(page, mina.id)).points.available).toBe(250);
    await screenshot(page, 'member.granted.en');

    // The next fill is a new grant, with a new key.
    await grant.getByLabel('Points', { exact: false }).first().fill('50');
    await grant.getByRole('button', { name: 'Grant points' }).click();
    await expect(points).toContainText('Available300');
    expect((await memberNow(page, mina.id)).points.available).toBe(300);
  });

  test('shows the API’s validation beside the field it concerns', async ({ page }) => {
    const reza = await findMember(page, 'reza@example.com');
    await openIn(page, 'en', `/console/members/${reza.id}`);
    const profile = page.getByRole('region', { name: 'Profile' });
    await profile.getByRole('button', { name: 'Edit profile' }).click();
    await profile.getByLabel('Phone').fill('12');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    const phone = profile.getByLabel('Phone');
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await screenshot(page, 'member.profile-error.en');
    await profile.getByLabel('Phone').fill('+989121110002');
    await profile.getByLabel('Name').fill('Reza Nouri');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await expect(profile.getByRole('button', { name: 'Edit profile' })).toBeVisible();
  });

  for (const language of ['en', 'fa'] as const) {
    test(`is accessible and photographed (${language})`, async ({ page }) => {
      const parisa = await findMember(page, 'parisa@example.com');
      await openIn(page, language, `/console/members/${parisa.id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Parisa Kamali' })).toBeVisible();
      await expect(page.getByRole('status')).toHaveCount(0);
      if (language === 'fa') {
        await expect(page.getByRole('main')).toContainText(PERSIAN_DIGIT);
      }
      await expectAccessible(page);
      await screenshot(page, `member.${language}`);

      await page.setViewportSize({ width: 390, height: 844 });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSideScroll(page);
      await expectAccessible(page);
      await screenshot(page, `member.phone.${language}`);
    });
  }
});

test.describe('the member page, for a cashier', () => {
  test.use({ storageState: STORAGE_STATE.cashier });

  test('shows the profile, points and tier, without the parts a cashier may not use', async ({
    page,
  }) => {
    const sara = await findMember(page, 'sara@example.com');
    await openIn(page, 'en', `/console/members/${sara.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sara Ahmadi' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Points' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Profile' })).toContainText('sara@example.com');
    await expect(page.getByRole('button', { name: 'Edit profile' })).toHaveCount(0);
    for (const hidden of ['Grant goodwill', 'Activity', 'Perks']) {
      await expect(page.getByRole('region', { name: hidden })).toHaveCount(0);
    }
    await expect(page.getByRole('region', { name: /Insights/ })).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Change the tier' })).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'member.cashier.en');
  });
});
