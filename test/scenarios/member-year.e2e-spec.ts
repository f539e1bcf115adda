import { bearer, startTestApp, TestApp } from '../support/test-app';
import { memberLots, memberPerks, memberView, pickLike } from './member-state';
import { ScenarioDriver } from './scenario-driver';
import { loadScenarios, type Step } from './scenario-file';

/**
 * Golden scenarios: a member's year as a data file (*.scenario.json here), events in at dates on
 * a frozen clock, and the member's balances, lots, tier and activity out after named steps, the
 * expected numbers worked out by hand (each step's `note`). Each scenario runs on its own fresh
 * database through the real HTTP API; a step that diverges fails by its name, with the diff, and
 * the steps after it are not played.
 */
const scenarios = loadScenarios();

describe("a member's year: golden scenarios", () => {
  it('finds the scenario files, each step with its reasoning', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
    const unexplained = scenarios.flatMap(({ file, scenario }) =>
      scenario.steps.filter((s) => !s.note?.trim()).map((s) => `${file}: ${s.name}`),
    );
    expect(unexplained).toEqual([]);
  });

  describe.each(scenarios)('$file', ({ scenario }) => {
    let t: TestApp;
    let driver: ScenarioDriver;
    let previousAt: Date;
    let diverged: string | null = null;

    beforeAll(async () => {
      t = await startTestApp();
      driver = new ScenarioDriver(t, scenario);
      await driver.configure();
      previousAt = new Date(scenario.start);
    });
    afterAll(async () => {
      const audit = await t.api().get('/v1/ledger/audit').set(bearer(t.keys.admin)).expect(200);
      expect(audit.body).toMatchObject({ balanced: true, discrepancies: [] });
      await t.close();
    });

    const steps: [number, string, Step][] = scenario.steps.map((s, i) => [i + 1, s.name, s]);
    it.each(steps)('step %i: %s', async (_n, _name, step) => {
      if (diverged) {
        throw new Error(`not played: step "${diverged}" diverged first`);
      }
      diverged = step.name;
      const response = await driver.play(step, previousAt);
      previousAt = new Date(step.at);
      const expected = step.expect;
      const actual: Record<string, unknown> = {};
      if (expected.response !== undefined) {
        actual.response = pickLike(expected.response, response);
      }
      const needsView = ['balance', 'lifetimeEarned', 'tier', 'activity'].some(
        (field) => field in expected,
      );
      if (needsView) {
        const { me, activity } = await memberView(t, driver.member());
        if (expected.balance !== undefined) {
          actual.balance = { available: me.points.available, pending: me.points.pending };
        }
        if (expected.lifetimeEarned !== undefined) {
          actual.lifetimeEarned = me.points.lifetimeEarned;
        }
        if (expected.tier !== undefined) {
          actual.tier = me.tier?.code ?? null;
        }
        if (expected.activity !== undefined) {
          actual.activity = activity;
        }
      }
      if (expected.lots !== undefined) {
        actual.lots = await memberLots(t, driver.member());
      }
      if (expected.perks !== undefined) {
        actual.perks = await memberPerks(t, driver.member());
      }
      expect(actual).toEqual({
        ...expected,
        ...(expected.activity ? { activity: [...expected.activity].sort() } : {}),
        ...(expected.perks ? { perks: [...expected.perks].sort() } : {}),
      });
      diverged = null;
    });
  });
});
