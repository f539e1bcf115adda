import { ManualClock } from '@vafa/platform';
import { ledgerOf } from '../support/ledger-helpers';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { buyOne } from '../support/till';
import { days, documentedDataFields, eventsFor } from './notification-helpers';

const TYPE = 'tier.downgrade_warning';
const START = new Date('2027-01-01T12:00:00.000Z');
const HOUR = 3_600_000;
const at = (d: number, hours = 0): Date => new Date(days(START, d).getTime() + hours * HOUR);

/**
 * Gold asks 50,000 of spend in 30 days and keeps a member 7 days past falling short; silver asks
 * 20,000 in 60 days, without grace. Warnings come 14 days (the default) before a downgrade.
 */
describe('tier.downgrade_warning: days before a downgrade would take effect, once', () => {
  let t: TestApp;
  let clock: ManualClock;
  let tierIds: Record<string, string>;
  const m: Record<string, TestMember> = {};
  const buy = async (who: TestMember, when: Date, amount = 50000): Promise<void> => {
    clock.set(when);
    await buyOne(t, who.id, amount).expect(201);
  };
  const evaluate = async (when: Date): Promise<Record<string, unknown>> => {
    clock.set(when);
    return (await t.api().post('/v1/tiers/jobs/evaluate').set(bearer(t.keys.admin)).expect(200))
      .body as Record<string, unknown>;
  };
  const warnings = async (who: TestMember): Promise<Record<string, unknown>[]> =>
    (await eventsFor(t, TYPE, who.id)).map((e) => e.data);
  const tierOf = async (who: TestMember): Promise<string> =>
    (await t.api().get(`/v1/members/${who.id}`).set(bearer(t.keys.admin)).expect(200)).body.tier
      .code as string;

  beforeAll(async () => {
    clock = new ManualClock(START);
    t = await startTestApp({ clock });
    const marketer = bearer(t.keys.marketer);
    await t.api().patch('/v1/program').set(marketer).send({ timeZone: 'UTC' }).expect(200);
    await t
      .api()
      .post('/v1/earning-rules')
      .set(marketer)
      .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
      .expect(201);
    tierIds = {};
    for (const [code, rank, threshold, windowDays, downgradeGraceDays] of [
      ['member', 0, 0, 365, 0],
      ['silver', 1, 20000, 60, 0],
      ['gold', 2, 50000, 30, 7],
    ] as const) {
      const created = await t
        .api()
        .post('/v1/tiers')
        .set(marketer)
        .send({
          code,
          name: code,
          rank,
          qualification: { metric: 'spend', threshold, windowDays },
          downgradeGraceDays,
        })
        .expect(201);
      tierIds[code] = created.body.id as string;
    }
    for (const name of ['lapsing', 'topsUp', 'comesBack', 'lateNight', 'switchedOff']) {
      m[name] = await t.member();
    }
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('warns 14 days before, with the date, the tier below and the spend that keeps the tier', async () => {
    await buy(m.lapsing!, START);
    await buy(m.topsUp!, START);
    await buy(m.comesBack!, START);
    await buy(m.lateNight!, at(0, 11)); // 23:00 UTC
    expect(await tierOf(m.lapsing!)).toBe('gold');

    expect(await evaluate(at(10))).toMatchObject({ ran: true, warned: 0 });
    await buy(m.switchedOff!, at(15));
    await buy(m.topsUp!, at(20)); // keeps gold past the first order's 30 days

    // The first order leaves the window on day 30; 7 days' grace: down on day 37.
    expect(await evaluate(at(23, 1))).toMatchObject({ warned: 2 });
    expect(await warnings(m.lapsing!)).toEqual([
      {
        memberId: m.lapsing!.id,
        tierId: tierIds.gold,
        tierCode: 'gold',
        downgradesTo: 'silver',
        effectiveAt: at(37).toISOString(),
        metric: 'spend',
        pointsOrSpendNeeded: 50000,
      },
    ]);
    expect(await documentedDataFields(t, TYPE)).toEqual(
      Object.keys((await warnings(m.lapsing!))[0]!).sort(),
    );
    expect(await warnings(m.comesBack!)).toHaveLength(1);
    expect(await warnings(m.topsUp!)).toEqual([]);
    expect(await warnings(m.lateNight!)).toEqual([]); // 14 days and 10 hours away

    expect(await evaluate(at(23, 2))).toMatchObject({ warned: 0 });
    expect(await warnings(m.lapsing!)).toHaveLength(1);
  });

  it('warns once when the grace period starts, on that day or the next', async () => {
    expect(await evaluate(at(24, 1))).toMatchObject({ warned: 1 });
    expect((await warnings(m.lateNight!)).map((w) => w.effectiveAt)).toEqual([
      at(37, 11).toISOString(),
    ]);
    // Found short an hour after the order left the window: down on day 37 an hour later.
    await evaluate(at(30, 1));
    // Found short two hours after: the grace period ends on 8 February, not 7 February.
    await evaluate(at(30, 13));
    for (const who of [m.lapsing!, m.comesBack!, m.lateNight!]) {
      expect(await warnings(who)).toHaveLength(1);
    }
  });

  it('sends nothing more to a member who buys back into the tier during the grace period', async () => {
    await buy(m.comesBack!, at(32));
    await evaluate(at(33));
    await evaluate(at(37, 2));
    expect(await tierOf(m.comesBack!)).toBe('gold');
    expect(await tierOf(m.lapsing!)).toBe('silver');
    expect(await warnings(m.comesBack!)).toHaveLength(1);
  });

  it('sends none while tierDowngradeWarningDays is 0', async () => {
    const setWarningDays = (tierDowngradeWarningDays: number) =>
      t
        .api()
        .patch('/v1/program')
        .set(bearer(t.keys.marketer))
        .send({ tierDowngradeWarningDays })
        .expect(200);
    await setWarningDays(0);
    try {
      expect(await evaluate(at(38, 1))).toMatchObject({ warned: 0 });
      expect(await warnings(m.switchedOff!)).toEqual([]);
    } finally {
      await setWarningDays(14);
    }
    expect(await evaluate(at(38, 1))).toMatchObject({ warned: 1 });
    expect((await warnings(m.switchedOff!)).map((w) => w.effectiveAt)).toEqual([
      at(52).toISOString(),
    ]);
  });

  it('warns a member who topped up of their new date, and of each step down', async () => {
    await evaluate(at(43, 1));
    expect((await warnings(m.topsUp!)).map((w) => w.effectiveAt)).toEqual([at(57).toISOString()]);
    // Silver lasts until the first order leaves its 60 days, with no grace.
    expect(await warnings(m.lapsing!)).toHaveLength(1);
    await evaluate(at(46, 1));
    expect((await warnings(m.lapsing!)).slice(1)).toEqual([
      {
        memberId: m.lapsing!.id,
        tierId: tierIds.silver,
        tierCode: 'silver',
        downgradesTo: 'member',
        effectiveAt: at(60).toISOString(),
        metric: 'spend',
        pointsOrSpendNeeded: 20000,
      },
    ]);
  });

  it('leaves the evaluation (and its warnings) to admins', async () => {
    for (const key of [t.keys.marketer, t.keys.cashier, t.keys.integration]) {
      await t.api().post('/v1/tiers/jobs/evaluate').set(bearer(key)).expect(403);
    }
  });
});
