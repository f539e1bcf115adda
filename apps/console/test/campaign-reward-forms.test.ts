import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/api-error';
import {
  emptyCriterion,
  formPathOf,
  NEW_CAMPAIGN,
  toCampaignBody,
  toCampaignForm,
  withFormPaths,
  type CampaignView,
} from '../src/pages/campaigns/campaign-form';
import { NEW_REWARD, toRewardBody } from '../src/pages/rewards/reward-form';

describe('the campaign form', () => {
  it('sends the rows as the first criterion with the rest under and, each with its own params only', () => {
    const body = toCampaignBody({
      ...NEW_CAMPAIGN,
      name: 'Win back',
      schedule: ' 0 10 * * 1 ',
      criteria: [
        { ...emptyCriterion('top_clv_percent'), percent: 20, days: 99 },
        { ...emptyCriterion('tier'), tiers: ['gold'] },
        emptyCriterion('birthday_today'),
      ],
      gift: { type: 'points', points: 500, rewardId: 'left-over' },
      budget: { maxGrantsPerRun: '', maxPointsTotal: 10000 },
    });
    expect(body.audience).toEqual({
      segment: 'top_clv_percent',
      params: { percent: 20 },
      and: [{ segment: 'tier', params: { tiers: ['gold'] } }, { segment: 'birthday_today' }],
    });
    expect(body.schedule).toBe('0 10 * * 1');
    expect(body.gift).toEqual({ type: 'points', points: 500 });
    expect(body.budget).toEqual({ maxGrantsPerRun: undefined, maxPointsTotal: 10000 });
  });

  it('reads a saved campaign back into rows, a perk gift into its reward', () => {
    const view = {
      id: 'c1',
      name: 'Perk for the loyal',
      active: false,
      schedule: null,
      audience: [
        { segment: 'rfm_segment', params: { segments: ['loyal'] } },
        { segment: 'inactive_days', params: { days: 60 } },
      ],
      gift: { type: 'perk', perk: 'r1' },
      probability: 0.5,
      cooldownDays: 30,
      holdoutPercent: 10,
      budget: { maxGrantsPerRun: null, maxPointsTotal: 100 },
      pointsGranted: 0,
      followUpDays: 14,
      activeFrom: null,
      activeUntil: null,
      createdAt: '2026-11-30T00:00:00.000Z',
    } as unknown as CampaignView;
    const values = toCampaignForm(view);
    expect(values.criteria.map((row) => row.segment)).toEqual(['rfm_segment', 'inactive_days']);
    expect(values.criteria[1]?.days).toBe(60);
    expect(values.gift).toEqual({ type: 'perk', points: '', rewardId: 'r1' });
    expect(values.budget).toEqual({ maxGrantsPerRun: '', maxPointsTotal: 100 });
    expect(toCampaignBody(values).audience).toEqual({
      segment: 'rfm_segment',
      params: { segments: ['loyal'] },
      and: [{ segment: 'inactive_days', params: { days: 60 } }],
    });
  });

  it('puts API field problems on the criterion row they concern', () => {
    expect(formPathOf('audience.params.percent')).toBe('criteria.0.percent');
    expect(formPathOf('audience.segment')).toBe('criteria.0.segment');
    expect(formPathOf('audience.and.0.params.days')).toBe('criteria.1.days');
    expect(formPathOf('audience.and.2.params.tiers.0')).toBe('criteria.3.tiers');
    expect(formPathOf('budget.maxPointsTotal')).toBe('budget.maxPointsTotal');
    const error = withFormPaths(
      new ApiError(400, 'VALIDATION_FAILED', 'Bad input', [
        { field: 'audience.and.0.params.days', problems: ['days must not be less than 1'] },
      ]),
    ) as ApiError;
    expect(error.fieldProblems).toEqual([
      { field: 'criteria.1.days', problems: ['days must not be less than 1'] },
    ]);
  });
});

describe('the reward form', () => {
  it('sends a number for discounts, text for the others, and null for emptied limits', () => {
    expect(
      toRewardBody({
        ...NEW_REWARD,
        name: 'Ten off',
        type: 'discount_percent',
        value: 10,
        pointsCost: 100,
      }),
    ).toMatchObject({
      value: 10,
      stock: null,
      perMemberLimit: null,
      validDays: null,
      activeFrom: null,
    });
    expect(
      toRewardBody({
        ...NEW_REWARD,
        name: 'Coffee',
        type: 'free_product',
        value: ' SKU-1 ',
        pointsCost: 0,
      }),
    ).toMatchObject({ value: 'SKU-1', pointsCost: 0 });
    expect(
      toRewardBody({
        ...NEW_REWARD,
        name: 'Lounge',
        type: 'service_perk',
        value: '',
        pointsCost: 5,
      }).value,
    ).toBeUndefined();
  });
});
