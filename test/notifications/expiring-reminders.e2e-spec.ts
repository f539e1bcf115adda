import { RemindExpiringJob } from '@vafa/ledger';
import { ManualClock } from '@vafa/platform';
import { ledgerOf } from '../support/ledger-helpers';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { days, documentedDataFields, eventsFor, eventsOf } from './notification-helpers';

const TYPE = 'points.expiring_soon';
const START = new Date('2027-01-01T12:00:00.000Z');

describe('points.expiring_soon: each member once per expiry day and threshold', () => {
  let t: TestApp;
  let clock: ManualClock;
  const remind = () =>
    t.api().post('/v1/ledger/jobs/remind-expiring').set(bearer(t.keys.admin)).expect(200);
  const credit = (m: TestMember, points: number, expiresAt: Date | null) =>
    ledgerOf(t).credit(m.id, points, { expiresAt });
  const setProgram = (body: Record<string, unknown>) =>
    t.api().patch('/v1/program').set(bearer(t.keys.marketer)).send(body).expect(200);

  beforeAll(async () => {
    clock = new ManualClock(START);
    t = await startTestApp({ clock });
    await setProgram({ timeZone: 'UTC' });
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('reminds at the tightest threshold due, never again, and nobody with nothing expiring', async () => {
    clock.set(START);
    const soon = await t.member();
    const sooner = await t.member();
    const later = await t.member();
    const never = await t.member();
    const none = await t.member();
    await credit(soon, 120, days(START, 20));
    await credit(soon, 30, null);
    await credit(sooner, 50, days(START, 5));
    await credit(later, 70, days(START, 40));
    await credit(never, 500, null);

    const first = await remind();
    expect(first.body).toMatchObject({ ran: true });
    expect(await eventsFor(t, TYPE, soon.id)).toEqual([
      {
        memberId: soon.id,
        data: {
          memberId: soon.id,
          points: 120,
          expiresAt: days(START, 20).toISOString(),
          expiresOn: '2027-01-21',
          thresholdDays: 30,
          balance: 150,
        },
      },
    ]);
    expect(await documentedDataFields(t, TYPE)).toEqual(
      Object.keys((await eventsFor(t, TYPE, soon.id))[0]!.data).sort(),
    );
    // Five days away: only the 7-day reminder, not the 30-day one as well.
    expect((await eventsFor(t, TYPE, sooner.id)).map((e) => e.data.thresholdDays)).toEqual([7]);
    for (const m of [later, never, none]) {
      expect(await eventsFor(t, TYPE, m.id)).toEqual([]);
    }

    const again = await remind();
    expect(again.body).toEqual({ ran: true, members: 0, sent: 0 });
    expect(await eventsFor(t, TYPE, soon.id)).toHaveLength(1);
    expect(await eventsFor(t, TYPE, sooner.id)).toHaveLength(1);
  });

  it('sends the next threshold when the clock reaches it, and nothing once the points expired', async () => {
    clock.set(START);
    const m = await t.member();
    await credit(m, 80, days(START, 20));
    await remind();
    clock.set(days(START, 12)); // 8 days left: still only the 30-day reminder
    await remind();
    expect((await eventsFor(t, TYPE, m.id)).map((e) => e.data.thresholdDays)).toEqual([30]);
    clock.set(days(START, 13.5)); // 6.5 days left
    await remind();
    await remind();
    const sent = await eventsFor(t, TYPE, m.id);
    expect(sent.map((e) => [e.data.thresholdDays, e.data.expiresOn, e.data.points])).toEqual([
      [30, '2027-01-21', 80],
      [7, '2027-01-21', 80],
    ]);
    clock.set(days(START, 21));
    await remind();
    expect(await eventsFor(t, TYPE, m.id)).toHaveLength(2);
  });

  it('announces points expiring on one day of the program time zone together, other days apart', async () => {
    await setProgram({ timeZone: 'Asia/Tehran' });
    clock.set(START);
    const m = await t.member();
    // 2027-01-10 in Tehran (UTC+3:30) runs from 2027-01-09T20:30Z to 2027-01-10T20:30Z.
    await credit(m, 10, new Date('2027-01-09T21:00:00.000Z'));
    await credit(m, 15, new Date('2027-01-10T20:00:00.000Z'));
    await credit(m, 20, new Date('2027-01-10T21:00:00.000Z'));
    await remind();
    const sent = await eventsFor(t, TYPE, m.id);
    expect(
      sent.map((e) => [e.data.expiresOn, e.data.points, e.data.expiresAt, e.data.thresholdDays]),
    ).toEqual([
      ['2027-01-10', 25, '2027-01-09T21:00:00.000Z', 30],
      ['2027-01-11', 20, '2027-01-10T21:00:00.000Z', 30],
    ]);
    await setProgram({ timeZone: 'UTC' });
  });

  it("takes the thresholds from the program's settings", async () => {
    clock.set(START);
    await setProgram({ expiryReminderDays: [3, 60] });
    try {
      const m = await t.member();
      await credit(m, 40, days(START, 45));
      await credit(m, 5, days(START, 2));
      await remind();
      expect(
        (await eventsFor(t, TYPE, m.id)).map((e) => [e.data.expiresOn, e.data.thresholdDays]),
      ).toEqual([
        ['2027-01-03', 3],
        ['2027-02-15', 60],
      ]);
      await setProgram({ expiryReminderDays: [30, 7] });
      await remind();
      // Told of 3 January at 3 days already: not again at 7; 15 February is 45 days away.
      expect(await eventsFor(t, TYPE, m.id)).toHaveLength(2);
    } finally {
      await setProgram({ expiryReminderDays: [30, 7] });
    }
  });

  it('leaves reminding to admins', async () => {
    for (const key of [t.keys.marketer, t.keys.cashier, t.keys.integration]) {
      await t.api().post('/v1/ledger/jobs/remind-expiring').set(bearer(key)).expect(403);
    }
    await t.api().post('/v1/ledger/jobs/remind-expiring').expect(401);
  });

  // Last: apps in one test process share passport's strategies, so once a second app has closed,
  // this one's HTTP requests would be authenticated against the closed app's database.
  it('sends each reminder once when two instances run the job at the same time, and after a restart', async () => {
    clock.set(START);
    const members = await Promise.all(Array.from({ length: 30 }, () => t.member()));
    for (const [i, m] of members.entries()) {
      await credit(m, 10 + i, days(START, 3 + (i % 20)));
    }
    const other = await startTestApp({ databaseUrl: t.databaseUrl, clock });
    try {
      // Straight to the job, past the advisory lock: the notification keys alone must hold.
      const jobs = [t, other].map((app) => app.app.get(RemindExpiringJob));
      const before = (await eventsOf(t, TYPE)).length;
      const runs = await Promise.all([
        ...jobs.map((job) => job.run(clock.now(), 7)),
        ...jobs.map((job) => job.run(clock.now(), 5)),
      ]);
      expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(
        (await eventsOf(t, TYPE)).length - before,
      );
      // And through the triggers of both instances at once.
      const triggered = await Promise.all(
        [t, other].map((app) =>
          app.api().post('/v1/ledger/jobs/remind-expiring').set(bearer(app.keys.admin)),
        ),
      );
      for (const r of triggered) {
        expect(r.status).toBe(200);
      }
      expect(triggered.map((r) => (r.body as { sent?: number }).sent ?? 0)).toEqual([0, 0]);
    } finally {
      await other.close();
    }
    const restarted = await startTestApp({ databaseUrl: t.databaseUrl, clock });
    try {
      const after = await restarted
        .api()
        .post('/v1/ledger/jobs/remind-expiring')
        .set(bearer(restarted.keys.admin))
        .expect(200);
      expect(after.body).toEqual({ ran: true, members: 0, sent: 0 });
    } finally {
      await restarted.close();
    }
    for (const m of members) {
      expect(await eventsFor(t, TYPE, m.id)).toHaveLength(1);
    }
    const all = await eventsOf(t, TYPE);
    const keys = all.map((e) =>
      JSON.stringify([e.memberId, e.data.expiresOn, e.data.thresholdDays]),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});
