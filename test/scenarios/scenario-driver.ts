import type { Response } from 'supertest';
import { bearer, TestApp } from '../support/test-app';
import { actionOf, type Scenario, type Step } from './scenario-file';

const ok = (response: Response, what: string): Record<string, unknown> => {
  if (response.status >= 300) {
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as Record<string, unknown>;
};

/**
 * Plays a scenario's events through the real HTTP API, as the till, the member's app, staff and
 * the scheduler's admin triggers would, on the test app's frozen clock.
 */
export class ScenarioDriver {
  memberId: string | null = null;
  private readonly ids = new Map<string, string>();
  private readonly redemptions = new Map<string, string>();
  private steps = 0;

  constructor(
    private readonly t: TestApp,
    private readonly scenario: Scenario,
  ) {}

  /** The program, rules, tiers, catalog and campaigns, configured at the scenario's start. */
  async configure(): Promise<void> {
    const { t, scenario } = this;
    t.clock.set(new Date(scenario.start));
    const marketer = bearer(t.keys.marketer);
    if (scenario.program) {
      ok(await t.api().put('/v1/program').set(marketer).send(scenario.program), 'PUT /v1/program');
    }
    for (const rule of scenario.earningRules ?? []) {
      ok(await t.api().post('/v1/earning-rules').set(marketer).send(rule), 'an earning rule');
    }
    for (const tier of scenario.tiers ?? []) {
      ok(await t.api().post('/v1/tiers').set(marketer).send(tier), 'a tier');
    }
    for (const { ref, ...reward } of scenario.rewards ?? []) {
      const created = ok(await t.api().post('/v1/rewards').set(marketer).send(reward), ref);
      this.ids.set(ref, created.id as string);
    }
    for (const { ref, ...campaign } of scenario.campaigns ?? []) {
      const { reward, ...gift } = campaign.gift as { reward?: string } & Record<string, unknown>;
      const body = { ...campaign, gift: reward ? { ...gift, rewardId: this.id(reward) } : gift };
      const created = ok(await t.api().post('/v1/campaigns').set(marketer).send(body), ref);
      this.ids.set(ref, created.id as string);
    }
  }

  /** Moves the clock to the step's instant and plays its event; answers the API's response. */
  async play(step: Step, previousAt: Date): Promise<Record<string, unknown>> {
    const at = new Date(step.at);
    if (Number.isNaN(at.getTime()) || at < previousAt) {
      throw new Error(
        `step "${step.name}": "at" must be an instant not before ${previousAt.toISOString()}`,
      );
    }
    this.t.clock.set(at);
    const [event, args] = actionOf(step);
    const key = `${this.scenario.name.replace(/[^A-Za-z0-9]+/g, '-')}-${++this.steps}`;
    const { t } = this;
    const admin = bearer(t.keys.admin);
    switch (event) {
      case 'enrol': {
        const member = await t.member(args);
        this.memberId = member.id;
        return member;
      }
      case 'checkout': {
        const { coupons, ...order } = args as { coupons?: string[] } & Record<string, unknown>;
        return ok(
          await t
            .api()
            .post('/v1/pos/checkouts')
            .set(bearer(t.keys.cashier))
            .set('Idempotency-Key', key)
            .send({
              member: { id: this.member() },
              channel: 'store',
              ...order,
              ...(coupons
                ? { couponCodes: await Promise.all(coupons.map((ref) => this.code(ref))) }
                : {}),
            }),
          step.name,
        );
      }
      case 'return':
        return ok(
          await t
            .api()
            .post('/v1/pos/returns')
            .set(bearer(t.keys.cashier))
            .set('Idempotency-Key', key)
            .send(args),
          step.name,
        );
      case 'redeem': {
        const ref = args.reward as string;
        const token = (
          await t
            .api()
            .post(`/v1/members/${this.member()}/tokens`)
            .set(bearer(t.keys.integration))
            .expect(201)
        ).body.token as string;
        const redeemed = ok(
          await t
            .api()
            .post(`/v1/me/rewards/${this.id(ref)}/redeem`)
            .set(bearer(token))
            .set('Idempotency-Key', key),
          step.name,
        );
        this.redemptions.set(ref, redeemed.redemptionId as string);
        return redeemed;
      }
      case 'cancelRedemption': {
        const ref = args.reward as string;
        const redemptionId = this.redemptions.get(ref);
        if (!redemptionId) {
          throw new Error(`step "${step.name}": the member has not redeemed "${ref}"`);
        }
        return ok(
          await t
            .api()
            .post(`/v1/rewards/redemptions/${redemptionId}/cancel`)
            .set(bearer(t.keys.marketer))
            .send({}),
          step.name,
        );
      }
      case 'addTier':
        return ok(
          await t.api().post('/v1/tiers').set(bearer(t.keys.marketer)).send(args),
          step.name,
        );
      case 'adjust':
        return ok(
          await t
            .api()
            .post(`/v1/members/${this.member()}/adjustments`)
            .set(bearer(t.keys.marketer))
            .set('Idempotency-Key', key)
            .send(args),
          step.name,
        );
      case 'runCampaign':
        return ok(
          await t
            .api()
            .post(`/v1/campaigns/${this.id(args.campaign as string)}/run`)
            .set(bearer(t.keys.marketer))
            .send({ dryRun: false }),
          step.name,
        );
      case 'releasePending':
        return ok(await t.api().post('/v1/ledger/jobs/release-pending').set(admin), step.name);
      case 'expirePoints':
        return ok(await t.api().post('/v1/ledger/jobs/expire').set(admin), step.name);
      case 'evaluateTiers':
        return ok(await t.api().post('/v1/tiers/jobs/evaluate').set(admin), step.name);
      case 'expireCoupons':
        return ok(await t.api().post('/v1/rewards/jobs/expire-coupons').set(admin), step.name);
      case 'look':
        return {};
      default:
        throw new Error(`step "${step.name}": unknown event "${event}"`);
    }
  }

  member(): string {
    if (!this.memberId) {
      throw new Error('the member has not enrolled yet: the first step must be "enrol"');
    }
    return this.memberId;
  }

  private id(ref: string): string {
    const id = this.ids.get(ref);
    if (!id) {
      throw new Error(`no reward or campaign "${ref}" in the scenario`);
    }
    return id;
  }

  /** The code of the member's usable coupon for the reward `ref` (redeemed or given). */
  private async code(ref: string): Promise<string> {
    const page = await this.t
      .api()
      .get(`/v1/members/${this.member()}/perks?limit=200`)
      .set(bearer(this.t.keys.marketer))
      .expect(200);
    const items = (
      page.body as { items: { rewardId: string; status: string; code: string | null }[] }
    ).items;
    const usable = items.find(
      (p) => p.rewardId === this.id(ref) && p.status === 'active' && p.code,
    );
    if (!usable?.code) {
      throw new Error(`the member holds no usable coupon for "${ref}"`);
    }
    return usable.code;
  }
}
