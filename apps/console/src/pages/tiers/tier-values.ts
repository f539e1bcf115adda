import type { components } from '../../api/schema';

export type Tier = components['schemas']['TierViewDto'];
export type TierBody = components['schemas']['TierDto'];
export type Metric = Tier['qualification']['metric'];
export const METRICS: readonly Metric[] = ['points_earned', 'spend'];

type Amount = number | string;

/** The tier form's values; paths match the API's (`qualification.threshold`, `benefits.perks`). */
export interface TierFormValues extends Record<string, unknown> {
  code: string;
  name: string;
  rank: Amount;
  qualification: { metric: Metric; threshold: Amount; windowDays: Amount };
  benefits: { pointsMultiplier: Amount; perks: string[] };
  downgradeGraceDays: Amount;
}

export const EMPTY_TIER: TierFormValues = {
  code: '',
  name: '',
  rank: '',
  qualification: { metric: 'points_earned', threshold: '', windowDays: 365 },
  benefits: { pointsMultiplier: '', perks: [] },
  downgradeGraceDays: 0,
};

/** A blank number stays NaN so the API names the field, rather than the form guessing a value. */
const toNumber = (value: Amount): number => (value === '' ? Number.NaN : Number(value));

export function toTierBody(values: TierFormValues): TierBody {
  const multiplier = values.benefits.pointsMultiplier;
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    rank: toNumber(values.rank),
    qualification: {
      metric: values.qualification.metric,
      threshold: toNumber(values.qualification.threshold),
      windowDays: toNumber(values.qualification.windowDays),
    },
    benefits: {
      ...(multiplier === '' ? {} : { pointsMultiplier: Number(multiplier) }),
      perks: values.benefits.perks,
    },
    downgradeGraceDays: values.downgradeGraceDays === '' ? 0 : Number(values.downgradeGraceDays),
  };
}

export function toTierValues(tier: Tier): TierFormValues {
  return {
    code: tier.code,
    name: tier.name,
    rank: tier.rank,
    qualification: { ...tier.qualification },
    benefits: {
      pointsMultiplier: tier.benefits.pointsMultiplier ?? '',
      perks: tier.benefits.perks ?? [],
    },
    downgradeGraceDays: tier.downgradeGraceDays,
  };
}
