import { ApiError } from '../../api/api-error';
import type { components } from '../../api/schema';

export type CampaignBody = components['schemas']['CampaignDto'];
export type CampaignView = components['schemas']['CampaignViewDto'];
export type AudienceSegment = components['schemas']['AudienceCriterionDto']['segment'];
export type GiftType = components['schemas']['GiftDto']['type'];

export const AUDIENCE_SEGMENTS: readonly AudienceSegment[] = [
  'all',
  'top_clv_percent',
  'rfm_segment',
  'tier',
  'birthday_today',
  'inactive_days',
];

/** One row of the audience builder: every parameter kept, only the segment's own is sent. */
export interface CriterionRow {
  segment: AudienceSegment;
  percent: number | string;
  segments: string[];
  tiers: string[];
  days: number | string;
}

export interface CampaignFormValues extends Record<string, unknown> {
  name: string;
  active: boolean;
  schedule: string;
  criteria: CriterionRow[];
  gift: { type: GiftType; points: number | string; rewardId: string | null };
  probability: number | string;
  cooldownDays: number | string;
  holdoutPercent: number | string;
  followUpDays: number | string;
  budget: { maxGrantsPerRun: number | string; maxPointsTotal: number | string };
}

export const emptyCriterion = (segment: AudienceSegment = 'all'): CriterionRow => ({
  segment,
  percent: '',
  segments: [],
  tiers: [],
  days: '',
});

export const NEW_CAMPAIGN: CampaignFormValues = {
  name: '',
  active: true,
  schedule: '',
  criteria: [emptyCriterion()],
  gift: { type: 'points', points: '', rewardId: null },
  probability: 1,
  cooldownDays: 0,
  holdoutPercent: 0,
  followUpDays: 30,
  budget: { maxGrantsPerRun: '', maxPointsTotal: '' },
};

/** Mantine's NumberInput gives '' for an empty field: that means "not set". */
const numberOrUndefined = (value: number | string): number | undefined =>
  value === '' ? undefined : Number(value);

function criterionBody(row: CriterionRow): components['schemas']['AudienceCriterionDto'] {
  switch (row.segment) {
    case 'top_clv_percent':
      return { segment: row.segment, params: { percent: numberOrUndefined(row.percent) } };
    case 'rfm_segment':
      return { segment: row.segment, params: { segments: row.segments } };
    case 'tier':
      return { segment: row.segment, params: { tiers: row.tiers } };
    case 'inactive_days':
      return { segment: row.segment, params: { days: numberOrUndefined(row.days) } };
    case 'all':
    case 'birthday_today':
      return { segment: row.segment };
  }
}

/** The body POST/PUT /v1/campaigns and POST /v1/campaigns/preview take. */
export function toCampaignBody(values: CampaignFormValues): CampaignBody {
  const [first, ...rest] = values.criteria.map(criterionBody);
  const gift =
    values.gift.type === 'points'
      ? { type: values.gift.type, points: numberOrUndefined(values.gift.points) }
      : { type: values.gift.type, rewardId: values.gift.rewardId ?? undefined };
  return {
    name: values.name,
    active: values.active,
    schedule: values.schedule.trim() === '' ? undefined : values.schedule.trim(),
    audience: { ...(first ?? { segment: 'all' }), ...(rest.length > 0 ? { and: rest } : {}) },
    gift,
    // The API's defaults, sent as such: an emptied field means the default.
    probability: numberOrUndefined(values.probability) ?? 1,
    cooldownDays: numberOrUndefined(values.cooldownDays) ?? 0,
    holdoutPercent: numberOrUndefined(values.holdoutPercent) ?? 0,
    followUpDays: numberOrUndefined(values.followUpDays) ?? 30,
    budget: {
      maxGrantsPerRun: numberOrUndefined(values.budget.maxGrantsPerRun),
      maxPointsTotal: numberOrUndefined(values.budget.maxPointsTotal),
    },
  };
}

/** A saved campaign as the form's values. */
export function toCampaignForm(view: CampaignView): CampaignFormValues {
  const gift = view.gift as { type: GiftType; points?: number; rewardId?: string; perk?: string };
  return {
    name: view.name,
    active: view.active,
    schedule: view.schedule ?? '',
    criteria: view.audience.map((criterion) => ({
      segment: criterion.segment,
      percent: criterion.params?.percent ?? '',
      segments: criterion.params?.segments ?? [],
      tiers: criterion.params?.tiers ?? [],
      days: criterion.params?.days ?? '',
    })),
    gift: {
      type: gift.type,
      points: gift.points ?? '',
      rewardId: gift.rewardId ?? gift.perk ?? null,
    },
    probability: view.probability,
    cooldownDays: view.cooldownDays,
    holdoutPercent: view.holdoutPercent,
    followUpDays: view.followUpDays,
    budget: {
      maxGrantsPerRun: view.budget.maxGrantsPerRun ?? '',
      maxPointsTotal: view.budget.maxPointsTotal ?? '',
    },
  };
}

/**
 * The form path of an API field path: the audience is sent as the first criterion with the rest
 * under `and`, so `audience.params.percent` is row 0 and `audience.and.0.params.days` row 1.
 */
export function formPathOf(apiPath: string): string {
  const first = /^audience\.(?:params\.)?(percent|segments|tiers|days|segment)\b/.exec(apiPath);
  if (first) {
    return `criteria.0.${first[1]}`;
  }
  const more = /^audience\.and\.(\d+)\.(?:params\.)?(percent|segments|tiers|days|segment)\b/.exec(
    apiPath,
  );
  if (more) {
    return `criteria.${Number(more[1]) + 1}.${more[2]}`;
  }
  return apiPath;
}

/** The same error with its field problems at the form's paths, for applyApiErrors. */
export function withFormPaths(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fieldProblems.length === 0) {
    return error;
  }
  const details = error.fieldProblems.map((problem) => ({
    ...problem,
    field: formPathOf(problem.field),
  }));
  return new ApiError(error.status, error.code, error.message, details);
}

/** Checks the form can make before asking the API: each criterion's and the gift's own value. */
export function validateCampaign(
  values: CampaignFormValues,
  t: (key: string) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.name.trim() === '') {
    errors.name = t('campaigns.errors.name');
  }
  values.criteria.forEach((row, index) => {
    const at = `criteria.${index}`;
    if (row.segment === 'top_clv_percent' && row.percent === '') {
      errors[`${at}.percent`] = t('campaigns.errors.percent');
    }
    if (row.segment === 'rfm_segment' && row.segments.length === 0) {
      errors[`${at}.segments`] = t('campaigns.errors.segments');
    }
    if (row.segment === 'tier' && row.tiers.length === 0) {
      errors[`${at}.tiers`] = t('campaigns.errors.tiers');
    }
    if (row.segment === 'inactive_days' && row.days === '') {
      errors[`${at}.days`] = t('campaigns.errors.days');
    }
  });
  if (values.gift.type === 'points' && values.gift.points === '') {
    errors['gift.points'] = t('campaigns.errors.giftPoints');
  }
  if (values.gift.type !== 'points' && !values.gift.rewardId) {
    errors['gift.rewardId'] = t('campaigns.errors.giftReward');
  }
  return errors;
}
