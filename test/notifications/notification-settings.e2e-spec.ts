import { bearer, startTestApp, TestApp } from '../support/test-app';

type Program = Record<string, unknown>;

describe('notification settings of the program', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const read = async (): Promise<Program> =>
    (await t.api().get('/v1/program').set(bearer(t.keys.marketer)).expect(200)).body as Program;
  const patch = (body: unknown) =>
    t
      .api()
      .patch('/v1/program')
      .set(bearer(t.keys.marketer))
      .send(body as object);

  it('reminds 30 and 7 days before points expire and warns 14 days before a downgrade by default', async () => {
    expect(await read()).toMatchObject({
      expiryReminderDays: [30, 7],
      tierDowngradeWarningDays: 14,
    });
  });

  it('keeps the reminder days largest first and takes back what GET returned', async () => {
    const before = await read();
    const patched = await patch({ expiryReminderDays: [1, 60, 14], tierDowngradeWarningDays: 0 });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({
      ...before,
      expiryReminderDays: [60, 14, 1],
      tierDowngradeWarningDays: 0,
    });
    const got = await read();
    await t.api().put('/v1/program').set(bearer(t.keys.marketer)).send(got).expect(200);
    expect(await read()).toEqual(got);
    const put = await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ expiryReminderDays: [365, 5, 4, 3, 2], tierDowngradeWarningDays: 365 })
      .expect(200);
    expect(put.body).toMatchObject({
      expiryReminderDays: [365, 5, 4, 3, 2],
      tierDowngradeWarningDays: 365,
    });
  });

  it('records the change in the audit log', async () => {
    await patch({ expiryReminderDays: [45, 10] }).expect(200);
    const log = await t
      .api()
      .get('/v1/audit-log?resourceType=program')
      .set(bearer(t.keys.admin))
      .expect(200);
    // The test clock stands still, so entries share their time: find this one by what it says.
    const entries = log.body.items as { before: Program; after: Program }[];
    const entry = entries.find((e) => String(e.after.expiryReminderDays) === '45,10');
    expect(entry?.before).toMatchObject({
      expiryReminderDays: [365, 5, 4, 3, 2],
      tierDowngradeWarningDays: 365,
    });
  });

  it.each([
    ['no reminder days', { expiryReminderDays: [] }],
    ['six reminder days', { expiryReminderDays: [1, 2, 3, 4, 5, 6] }],
    ['a day twice', { expiryReminderDays: [7, 7] }],
    ['day 0', { expiryReminderDays: [0, 7] }],
    ['more than a year', { expiryReminderDays: [366] }],
    ['part of a day', { expiryReminderDays: [7.5] }],
    ['a day as text', { expiryReminderDays: ['7'] }],
    ['a day as null', { expiryReminderDays: [null] }],
    ['one number, not a list', { expiryReminderDays: 7 }],
    ['reminders cleared', { expiryReminderDays: null }],
    ['a warning more than a year ahead', { tierDowngradeWarningDays: 366 }],
    ['a negative warning', { tierDowngradeWarningDays: -1 }],
    ['part of a day of warning', { tierDowngradeWarningDays: 1.5 }],
    ['warnings cleared', { tierDowngradeWarningDays: null }],
  ])('refuses %s with 400 and changes nothing', async (_, body) => {
    const before = await read();
    for (const method of ['patch', 'put'] as const) {
      const response = await t
        .api()
        [method]('/v1/program')
        .set(bearer(t.keys.marketer))
        .send(body as object)
        .expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(await read()).toEqual(before);
  });

  it('lets only marketers and admins change them', async () => {
    for (const key of [t.keys.cashier, t.keys.integration]) {
      await t
        .api()
        .patch('/v1/program')
        .set(bearer(key))
        .send({ tierDowngradeWarningDays: 3 })
        .expect(403);
    }
    await patch({ tierDowngradeWarningDays: 3 }).expect(200);
  });
});
