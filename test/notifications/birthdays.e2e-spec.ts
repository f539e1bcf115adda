import { BirthdayJob } from '@vafa/members';
import { ManualClock } from '@vafa/platform';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { documentedDataFields, eventsFor, eventsOf } from './notification-helpers';

const TYPE = 'member.birthday';

describe('member.birthday: on the day in the program time zone, once a year', () => {
  let t: TestApp;
  let clock: ManualClock;
  let born: Record<string, TestMember>;
  const greet = () =>
    t.api().post('/v1/members/jobs/birthdays').set(bearer(t.keys.admin)).expect(200);
  const greetedYears = async (m: TestMember): Promise<unknown[]> =>
    (await eventsFor(t, TYPE, m.id)).map((e) => e.data);

  beforeAll(async () => {
    clock = new ManualClock(new Date('2027-02-01T12:00:00Z'));
    t = await startTestApp({ clock });
    await t
      .api()
      .patch('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ timeZone: 'Asia/Tehran' })
      .expect(200);
    born = {};
    for (const birthDate of ['1990-02-28', '1992-02-29', '1985-03-01', '2001-02-27']) {
      born[birthDate] = await t.member({ birthDate });
    }
    born.unknown = await t.member();
  });
  afterAll(() => t.close());

  it('greets on the day in the time zone, not the UTC one, with the member and birth date', async () => {
    // 22:30 on 27 February in Tehran, already the 27th in UTC too.
    clock.set(new Date('2027-02-27T19:00:00Z'));
    const response = await greet();
    expect(response.body).toEqual({ ran: true, members: 1, sent: 1 });
    expect(await greetedYears(born['2001-02-27']!)).toEqual([
      { memberId: born['2001-02-27']!.id, birthDate: '2001-02-27' },
    ]);
    expect(await documentedDataFields(t, TYPE)).toEqual(['birthDate', 'memberId']);
    expect(await greetedYears(born['1990-02-28']!)).toEqual([]);
    // 00:30 on 28 February in Tehran, still the 27th in UTC.
    clock.set(new Date('2027-02-27T21:00:00Z'));
    await greet();
    expect(await greetedYears(born['1990-02-28']!)).toEqual([
      { memberId: born['1990-02-28']!.id, birthDate: '1990-02-28' },
    ]);
  });

  it('greets those born on 29 February on the 28th in a year without one', async () => {
    expect(await greetedYears(born['1992-02-29']!)).toEqual([
      { memberId: born['1992-02-29']!.id, birthDate: '1992-02-29' },
    ]);
    clock.set(new Date('2027-03-01T06:00:00Z'));
    await greet();
    expect(await eventsFor(t, TYPE, born['1992-02-29']!.id)).toHaveLength(1);
    expect(await eventsFor(t, TYPE, born['1985-03-01']!.id)).toHaveLength(1);
  });

  it('greets once however often the job runs, from any instance or after a restart', async () => {
    const before = (await eventsOf(t, TYPE)).length;
    await greet();
    const other = await startTestApp({ databaseUrl: t.databaseUrl, clock });
    try {
      const runs = await Promise.all(
        [t, other, t, other].map((app) => app.app.get(BirthdayJob).run(clock.now())),
      );
      expect(runs.map((r) => r.sent)).toEqual([0, 0, 0, 0]);
    } finally {
      await other.close();
    }
    expect((await eventsOf(t, TYPE)).length).toBe(before);
  });

  it('greets again next year, the 29th of February on the day itself in a leap year', async () => {
    const job = t.app.get(BirthdayJob);
    await job.run(new Date('2028-02-28T06:00:00Z'));
    expect(await eventsFor(t, TYPE, born['1990-02-28']!.id)).toHaveLength(2);
    expect(await eventsFor(t, TYPE, born['1992-02-29']!.id)).toHaveLength(1);
    await job.run(new Date('2028-02-29T06:00:00Z'));
    await job.run(new Date('2028-02-29T18:00:00Z'));
    expect(await eventsFor(t, TYPE, born['1992-02-29']!.id)).toHaveLength(2);
    expect(await eventsFor(t, TYPE, born['1990-02-28']!.id)).toHaveLength(2);
    expect(await eventsFor(t, TYPE, born.unknown!.id)).toEqual([]);
  });
});

describe('the birthday job trigger', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is for admins only', async () => {
    for (const key of [t.keys.marketer, t.keys.cashier, t.keys.integration]) {
      await t.api().post('/v1/members/jobs/birthdays').set(bearer(key)).expect(403);
    }
    await t.api().post('/v1/members/jobs/birthdays').expect(401);
    await t.api().post('/v1/members/jobs/birthdays').set(bearer(t.keys.admin)).expect(200);
  });
});
