import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import {
  expect,
  expectAccessible,
  expectNoSideScroll,
  openIn,
  PERSIAN_DIGIT,
  screenshot,
  test,
  type Language,
} from './fixtures';
import { STORAGE_STATE } from './seed';

/** What the till says, in each language, where the test reads or clicks it. */
const WORDS = {
  en: {
    till: 'Till',
    members: 'Members',
    find: 'Find member',
    points: 'Points',
    available: 'Available',
    pending: 'Pending',
    basket: 'Basket',
    sku: 'SKU',
    category: 'Category',
    quantity: 'Quantity',
    unitPrice: (currency: string) => `Unit price (${currency})`,
    redeemPoints: 'Points to redeem',
    earns: (points: string) => `Earns ${points} points`,
    checkOut: 'Check out',
    checkedOut: 'Checked out: order',
    rewards: 'Rewards to redeem',
    redeem: (name: string) => `Redeem ${name}`,
    redeemed: (name: string) => `Redeemed: ${name}`,
    returns: 'Return',
    orderId: 'Order id',
    takeReturn: 'Take the return',
    returned: (orderId: string) => `Returned from order ${orderId}`,
    enrol: 'Enrol a new member',
    enrolSubmit: 'Enrol',
    name: 'Name',
    phone: 'Phone',
    nextCustomer: 'Next customer',
    couponUsed: (code: string) => `The coupon ${code} was already used.`,
    couponCode: 'Coupon code',
  },
  fa: {
    till: 'صندوق',
    members: 'اعضا',
    find: 'یافتن عضو',
    points: 'امتیازها',
    available: 'قابل استفاده',
    pending: 'در انتظار',
    basket: 'سبد خرید',
    sku: 'کد کالا',
    category: 'دسته',
    quantity: 'تعداد',
    unitPrice: (currency: string) => `قیمت واحد (${currency})`,
    redeemPoints: 'امتیاز برای پرداخت',
    earns: (points: string) => `${points} امتیاز می‌گیرد`,
    checkOut: 'تسویه',
    checkedOut: 'تسویه شد: سفارش',
    rewards: 'جوایز قابل دریافت',
    redeem: (name: string) => `دریافت ${name}`,
    redeemed: (name: string) => `دریافت شد: ${name}`,
    returns: 'مرجوعی',
    orderId: 'شناسه سفارش',
    takeReturn: 'ثبت مرجوعی',
    returned: (orderId: string) => `مرجوعی از سفارش ${orderId}`,
    enrol: 'عضویت عضو تازه',
    enrolSubmit: 'عضو کن',
    name: 'نام',
    phone: 'تلفن',
    nextCustomer: 'مشتری بعدی',
    couponUsed: (code: string) => `کوپن ${code} پیش‌تر استفاده شده است.`,
    couponCode: 'کد کوپن',
  },
} as const;

/** A number as the console shows it in a language (Persian digits in fa). */
const shown = (language: Language, value: number): string =>
  new Intl.NumberFormat(language === 'fa' ? 'fa-IR-u-nu-arabext' : 'en-GB', {
    maximumFractionDigits: 2,
  }).format(value);

interface Member {
  id: string;
  name: string;
  cardNumber: string;
  points: { available: number; pending: number };
}
interface Perk {
  id: string;
  rewardId: string;
  code: string | null;
}
interface Activity {
  type: string;
  points: number;
  reference: { orderId?: string; returnId?: string } | null;
}

/** A staff session's API with its cookie and CSRF token, as the console calls it. */
class StaffApi {
  private constructor(
    readonly request: APIRequestContext,
    private readonly csrfToken: string,
  ) {}

  static async of(request: APIRequestContext): Promise<StaffApi> {
    const session = await request.get('/v1/auth/session');
    expect(session.ok()).toBe(true);
    return new StaffApi(request, ((await session.json()) as { csrfToken: string }).csrfToken);
  }

  async get<T>(path: string): Promise<T> {
    const response = await this.request.get(path);
    expect(response.ok(), `GET ${path}: ${response.status()}`).toBe(true);
    return (await response.json()) as T;
  }

  async write<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown): Promise<T> {
    const response = await this.request.fetch(path, {
      method,
      data,
      headers: { 'X-CSRF-Token': this.csrfToken, 'Idempotency-Key': randomUUID() },
    });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(
      true,
    );
    return (response.status() === 204 ? undefined : await response.json()) as T;
  }
}

/**
 * What one run of the till needs, made through the API as an admin with names of its own: a
 * member with points to spend, an earning rule on a category only this run sells, a coupon
 * granted to the member, and a catalog reward to redeem.
 */
async function setUpCounter(admin: StaffApi, language: Language) {
  const run = `${language}-${randomUUID().slice(0, 8)}`;
  const category = `till-${run}`;
  const rule = await admin.write<{ id: string }>('POST', '/v1/earning-rules', {
    name: `Till test ${run}`,
    priority: 1000,
    conditions: { categories: [category] },
    effect: { pointsPerUnit: 10 },
  });
  const member = await admin.write<Member>('POST', '/v1/members', {
    name: `Tina Till ${run}`,
    email: `tina-${run}@example.com`,
  });
  await admin.write('POST', `/v1/members/${member.id}/adjustments`, {
    points: 1000,
    reason: 'correction',
    note: 'till browser test',
  });
  const couponReward = await admin.write<{ id: string; name: string }>('POST', '/v1/rewards', {
    name: `Two off ${run}`,
    type: 'discount_amount',
    value: 200,
    pointsCost: 1,
    validDays: 30,
  });
  const granted = await admin.write<{ code: string }>(
    'POST',
    `/v1/rewards/${couponReward.id}/grants`,
    { memberId: member.id, reason: 'till browser test' },
  );
  const catalogReward = await admin.write<{ id: string; name: string }>('POST', '/v1/rewards', {
    name: `Five off ${run}`,
    type: 'discount_amount',
    value: 500,
    pointsCost: 300,
    validDays: 30,
  });
  const program = await admin.get<{ currency: string; redemptionPoints: number }>(
    '/v1/pos/program',
  );
  return {
    run,
    category,
    member,
    coupon: granted.code,
    catalogReward,
    program,
    /** The rule and rewards go, so other suites' catalogs stay as they were. */
    cleanUp: async () => {
      await admin.write('DELETE', `/v1/earning-rules/${rule.id}`);
      for (const reward of [couponReward, catalogReward]) {
        await admin.write('PATCH', `/v1/rewards/${reward.id}`, { active: false });
      }
    },
  };
}

/** The member's points the till shows equal the API's now. */
async function expectBalanceShown(page: Page, cashier: StaffApi, language: Language, id: string) {
  const words = WORDS[language];
  const { points } = await cashier.get<Member>(`/v1/members/${id}`);
  const figures = page.getByRole('group', { name: words.points, exact: true });
  await expect(figures).toContainText(`${words.available}${shown(language, points.available)}`);
  await expect(figures).toContainText(`${words.pending}${shown(language, points.pending)}`);
  return points;
}

/** What simulate answers for this basket now: the number the preview must show. */
async function simulatedPoints(cashier: StaffApi, body: object): Promise<number> {
  const response = await cashier.request.post('/v1/pos/checkouts/simulate', {
    data: { channel: 'store', orderId: `till-spec-${randomUUID()}`, ...body },
    headers: { 'X-CSRF-Token': await csrfOf(cashier.request) },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { pointsEarned: number }).pointsEarned;
}

async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = await request.get('/v1/auth/session');
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

/** The preview follows the basket: it shows what the API simulates for the same lines. */
async function expectPreview(basket: Locator, cashier: StaffApi, language: Language, body: object) {
  await expect
    .poll(async () => {
      const expected = WORDS[language].earns(shown(language, await simulatedPoints(cashier, body)));
      return (await basket.getByText(expected, { exact: true }).count()) === 1;
    })
    .toBe(true);
}

test.describe('the till, for a cashier of store-1', () => {
  test.use({ storageState: STORAGE_STATE.cashier });

  for (const language of ['en', 'fa'] as const) {
    test(`serves a member: card, preview, checkout with a coupon, reward, return (${language})`, async ({
      page,
      playwright,
      baseURL,
    }) => {
      test.setTimeout(150_000);
      const words = WORDS[language];
      const adminRequest = await playwright.request.newContext({
        baseURL,
        storageState: STORAGE_STATE.admin,
      });
      const admin = await StaffApi.of(adminRequest);
      const cashier = await StaffApi.of(page.request);
      const counter = await setUpCounter(admin, language);
      const { member, category, coupon, catalogReward, program } = counter;
      const sku = (n: number) => `SKU-${n}-${counter.run}`;

      // The navigation holds the till and the member look-up only.
      await openIn(page, language, '/console/till');
      await expect(page.getByRole('heading', { level: 1, name: words.till })).toBeVisible();
      const links = page.getByRole('navigation').getByRole('link');
      await expect(links).toHaveCount(2);
      await expect(links.nth(0)).toHaveAccessibleName(words.till);
      await expect(links.nth(1)).toHaveAccessibleName(words.members);

      // A scanner types the card number and Enter: the member opens, the basket takes the focus.
      await page.getByLabel(words.find, { exact: true }).fill(member.cardNumber);
      await page.getByLabel(words.find, { exact: true }).press('Enter');
      await expect(page.getByRole('heading', { level: 2, name: member.name })).toBeVisible();
      const basket = page.getByRole('region', { name: words.basket });
      const skuField = basket.getByLabel(words.sku, { exact: true });
      await expect(skuField.first()).toBeFocused();
      await expectBalanceShown(page, cashier, language, member.id);
      if (language === 'fa') {
        await expect(page.getByRole('main')).toContainText(PERSIAN_DIGIT);
      }

      // Line 1 from the keyboard: Enter moves from SKU to quantity to price, then to line 2.
      await page.keyboard.type(sku(1));
      await page.keyboard.press('Enter');
      await expect(basket.getByLabel(words.quantity).first()).toBeFocused();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      await expect(basket.getByLabel(words.unitPrice(program.currency)).first()).toBeFocused();
      await page.keyboard.type('10.00');
      await basket.getByLabel(words.category, { exact: true }).first().fill(category);
      const firstLine = { sku: sku(1), category, quantity: 2, unitPrice: 1000 };
      const memberRef = { member: { id: member.id }, storeId: 'store-1' };
      await expectPreview(basket, cashier, language, { ...memberRef, lines: [firstLine] });
      await expectAccessible(page);

      await basket.getByLabel(words.unitPrice(program.currency)).first().press('Enter');
      await expect(skuField.nth(1)).toBeFocused();
      await skuField.nth(1).fill(sku(2));
      await basket.getByLabel(words.category, { exact: true }).nth(1).fill(category);
      await basket.getByLabel(words.unitPrice(program.currency)).nth(1).fill('5.50');
      const secondLine = { sku: sku(2), category, quantity: 1, unitPrice: 550 };
      await expectPreview(basket, cashier, language, {
        ...memberRef,
        lines: [firstLine, secondLine],
      });

      // Points and the member's coupon: the preview takes both into account.
      await basket.getByLabel(words.redeemPoints).fill(String(program.redemptionPoints));
      await basket.getByRole('checkbox', { name: new RegExp(coupon) }).check();
      const basketBody = {
        ...memberRef,
        lines: [firstLine, secondLine],
        redeemPoints: program.redemptionPoints,
        couponCodes: [coupon],
      };
      await expectPreview(basket, cashier, language, basketBody);

      // A double click checks out once.
      const before = await cashier.get<Member>(`/v1/members/${member.id}`);
      await basket.getByRole('button', { name: words.checkOut, exact: true }).dblclick();
      const done = basket.getByRole('heading', { name: new RegExp(`^${words.checkedOut}`) });
      await expect(done).toBeFocused();
      // The second click neither sent a second order nor met one (409 ORDER_EXISTS).
      await expect(basket.getByRole('alert')).toHaveCount(0);
      const orderId = (await done.locator('span').textContent()) ?? '';
      expect(orderId).toMatch(/^till-[0-9a-f]{12}$/);
      const activity = await admin.get<{ items: Activity[] }>(
        `/v1/members/${member.id}/activity?limit=200`,
      );
      const earned = activity.items.filter((entry) => entry.type === 'earn');
      expect(earned).toHaveLength(1);
      expect(earned[0]?.reference?.orderId).toBe(orderId);
      const after = await expectBalanceShown(page, cashier, language, member.id);
      const total = (points: Member['points']) => points.available + points.pending;
      expect(total(after)).toBe(
        total(before.points) - program.redemptionPoints + (earned[0]?.points ?? 0),
      );
      // The coupon was used: it is no longer the member's to apply.
      const perks = await cashier.get<{ items: Perk[] }>(`/v1/pos/members/${member.id}/perks`);
      expect(perks.items.map((perk) => perk.code)).not.toContain(coupon);
      await expect(basket.getByRole('checkbox', { name: new RegExp(coupon) })).toHaveCount(0);
      // The basket is new: empty lines, no preview.
      await expect(skuField).toHaveCount(1);
      await expect(skuField).toHaveValue('');
      await expectAccessible(page);
      await page.evaluate('window.scrollTo(0, 0)');
      await screenshot(page, `till.checkout.${language}`);

      // A catalog reward redeemed for the member: its code is shown and is theirs to use.
      const rewards = page.getByRole('region', { name: words.rewards });
      await rewards.getByRole('button', { name: words.redeem(catalogReward.name) }).click();
      const notice = rewards
        .getByRole('status')
        .filter({ hasText: words.redeemed(catalogReward.name) });
      await expect(notice).toBeVisible();
      const afterRedeem = await cashier.get<{ items: Perk[] }>(
        `/v1/pos/members/${member.id}/perks`,
      );
      const issued = afterRedeem.items.find((perk) => perk.rewardId === catalogReward.id);
      expect(issued?.code).toMatch(/^VAFA-/);
      await expect(notice).toContainText(issued?.code ?? 'no code');
      await expectBalanceShown(page, cashier, language, member.id);

      // One unit of line 1 comes back: the return form holds the last order's id.
      const returns = page.getByRole('region', { name: words.returns, exact: true });
      await expect(returns.getByLabel(words.orderId)).toHaveValue(orderId);
      await returns.getByLabel(words.sku, { exact: true }).fill(sku(1));
      await returns.getByLabel(words.quantity).fill('1');
      await returns.getByRole('button', { name: words.takeReturn }).click();
      await expect(returns.getByRole('status')).toContainText(words.returned(orderId));
      await expectBalanceShown(page, cashier, language, member.id);
      // One return: the points its units earned taken back, the points they spent given back.
      const afterReturnActivity = await admin.get<{ items: Activity[] }>(
        `/v1/members/${member.id}/activity?limit=200`,
      );
      const reversals = afterReturnActivity.items.filter(
        (entry) => entry.type === 'reverse' && entry.reference?.orderId === orderId,
      );
      expect(new Set(reversals.map((entry) => entry.reference?.returnId)).size).toBe(1);
      expect(reversals.some((entry) => entry.points < 0)).toBe(true);
      await expectAccessible(page);
      await page.evaluate('window.scrollTo(0, 0)');
      await screenshot(page, `till.${language}`);

      await counter.cleanUp();
      await adminRequest.dispose();
    });
  }

  test('says a refused coupon inline, lists several matches to choose from, and enrols a new member', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const words = WORDS.en;
    const adminRequest = await playwright.request.newContext({
      baseURL,
      storageState: STORAGE_STATE.admin,
    });
    const admin = await StaffApi.of(adminRequest);
    const run = randomUUID().slice(0, 8);
    const twins: Member[] = [];
    for (const n of [1, 2]) {
      twins.push(
        await admin.write<Member>('POST', '/v1/members', {
          name: `Twin ${n} ${run}`,
          email: `twin-${n}-${run}@example.com`,
        }),
      );
    }

    const { currency } = await admin.get<{ currency: string }>('/v1/pos/program');

    await openIn(page, 'en', '/console/till');
    const find = page.getByLabel(words.find, { exact: true });
    await find.fill(run);
    await find.press('Enter');
    // Several: the first choice takes the focus, the arrow keys move, Enter opens.
    const choices = page
      .getByRole('list', { name: '2 members match: choose one.' })
      .getByRole('button');
    await expect(choices).toHaveCount(2);
    await expect(choices.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(choices.nth(1)).toBeFocused();
    const secondText = (await choices.nth(1).textContent()) ?? '';
    const second = twins.find((twin) => secondText.startsWith(twin.name));
    expect(second).toBeDefined();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: second?.name ?? '' })).toBeVisible();

    // A code that is not theirs is refused in the preview, in the cashier's words.
    const basket = page.getByRole('region', { name: words.basket });
    await basket.getByLabel(words.sku, { exact: true }).fill('ANY-1');
    await basket.getByLabel(words.unitPrice(currency)).fill('3');
    await basket.getByLabel(words.couponCode, { exact: true }).fill('VAFA-NOTTHEIRS1');
    await basket.getByLabel(words.couponCode, { exact: true }).press('Enter');
    await expect(basket).toContainText(
      'The coupon VAFA-NOTTHEIRS1 is unknown, used, expired or another member’s.',
    );
    await expectAccessible(page);
    await screenshot(page, 'till.coupon-refused.en');

    // Nobody found: enrol them, and they are the member served.
    await page.getByRole('button', { name: words.nextCustomer }).click();
    await expect(find).toBeFocused();
    await find.fill(`Newcomer ${run}`);
    await find.press('Enter');
    await page.getByRole('button', { name: words.enrol }).click();
    const enrol = page.getByRole('region', { name: words.enrol });
    await expect(enrol.getByLabel(words.name)).toHaveValue(`Newcomer ${run}`);
    await enrol.getByLabel(words.phone).fill('+98 912 555 0101');
    await expectAccessible(page);
    await enrol.getByRole('button', { name: words.enrolSubmit, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Newcomer ${run}` })).toBeVisible();
    const found = await admin.get<{ items: Member[] }>(
      `/v1/members?q=${encodeURIComponent(`Newcomer ${run}`)}`,
    );
    expect(found.items).toHaveLength(1);
    await adminRequest.dispose();
  });

  for (const language of ['en', 'fa'] as const) {
    test(`fits a phone (390×844) without scrolling sideways (${language})`, async ({
      page,
      playwright,
      baseURL,
    }) => {
      const words = WORDS[language];
      const adminRequest = await playwright.request.newContext({
        baseURL,
        storageState: STORAGE_STATE.admin,
      });
      const admin = await StaffApi.of(adminRequest);
      const run = randomUUID().slice(0, 8);
      const member = await admin.write<Member>('POST', '/v1/members', {
        name: `Pocket ${language} ${run}`,
        email: `pocket-${language}-${run}@example.com`,
      });
      const { currency } = await admin.get<{ currency: string }>('/v1/pos/program');
      await page.setViewportSize({ width: 390, height: 844 });
      await openIn(page, language, '/console/till');
      await page.getByLabel(words.find, { exact: true }).fill(member.cardNumber);
      await page.getByLabel(words.find, { exact: true }).press('Enter');
      await expect(page.getByRole('heading', { level: 2, name: member.name })).toBeVisible();
      const basket = page.getByRole('region', { name: words.basket });
      await basket.getByLabel(words.sku, { exact: true }).fill('PHONE-1');
      await basket.getByLabel(words.unitPrice(currency)).fill('4.20');
      await expect(basket.getByText(new RegExp(`^${words.earns('.+')}$`))).toBeVisible();
      await expectNoSideScroll(page);
      await expectAccessible(page);
      await screenshot(page, `till.phone.${language}`);
      await adminRequest.dispose();
    });
  }
});

test.describe('the till hands over perks, for a cashier', () => {
  test.use({ storageState: STORAGE_STATE.cashier });

  test('a service perk is marked handed over once and leaves the list', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const adminRequest = await playwright.request.newContext({
      baseURL,
      storageState: STORAGE_STATE.admin,
    });
    const admin = await StaffApi.of(adminRequest);
    const run = randomUUID().slice(0, 8);
    const member = await admin.write<Member>('POST', '/v1/members', {
      name: `Pari Perk ${run}`,
      email: `pari-${run}@example.com`,
    });
    const reward = await admin.write<{ id: string; name: string }>('POST', '/v1/rewards', {
      name: `Lounge ${run}`,
      type: 'service_perk',
      value: 'Lounge access',
      pointsCost: 10,
    });
    await admin.write('POST', `/v1/rewards/${reward.id}/grants`, {
      memberId: member.id,
      reason: 'till browser test',
    });

    await openIn(page, 'en', '/console/till');
    await page.getByLabel('Find member', { exact: true }).fill(member.cardNumber);
    await page.getByLabel('Find member', { exact: true }).press('Enter');
    const perks = page.getByRole('region', { name: 'Coupons and perks' });
    const handOver = perks.getByRole('button', { name: `Hand over ${reward.name}` });
    await handOver.dblclick();
    await expect(perks.getByText('No usable coupons or perks.')).toBeVisible();
    await expect(perks.getByRole('alert')).toHaveCount(0);
    const after = await admin.get<{ items: { name: string; status: string }[] }>(
      `/v1/members/${member.id}/perks`,
    );
    expect(after.items.filter((perk) => perk.name === reward.name)).toEqual([
      expect.objectContaining({ status: 'used' }),
    ]);
    await expectAccessible(page);
    await admin.write('PATCH', `/v1/rewards/${reward.id}`, { active: false });
    await adminRequest.dispose();
  });
});

test.describe('the till, for an admin', () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test('names the store its orders are recorded for', async ({ page }) => {
    await openIn(page, 'en', '/console/till');
    await expect(page.getByRole('heading', { level: 1, name: 'Till' })).toBeVisible();
    await expect(page.getByLabel('Store', { exact: true })).toHaveValue('');
    await expect(page.getByLabel(WORDS.en.find, { exact: true })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'till.admin.en');
  });
});
