import type { components } from '../../api/schema';

export type RewardBody = components['schemas']['CreateRewardDto'];
export type Reward = components['schemas']['RewardDto'];
export type RewardType = RewardBody['type'];

export const REWARD_TYPES: readonly RewardType[] = [
  'discount_amount',
  'discount_percent',
  'free_product',
  'service_perk',
  'gift',
];

/** The types whose value is a whole number; the others take text. */
export const NUMERIC_VALUE: ReadonlySet<RewardType> = new Set([
  'discount_amount',
  'discount_percent',
]);

export interface RewardFormValues extends Record<string, unknown> {
  name: string;
  description: string;
  type: RewardType;
  value: number | string;
  pointsCost: number | string;
  stock: number | string;
  perMemberLimit: number | string;
  tiers: string[];
  validDays: number | string;
  /** `datetime-local` text in the browser's time zone; '' for none. */
  activeFrom: string;
  activeUntil: string;
  active: boolean;
}

export const NEW_REWARD: RewardFormValues = {
  name: '',
  description: '',
  type: 'discount_amount',
  value: '',
  pointsCost: '',
  stock: '',
  perMemberLimit: '',
  tiers: [],
  validDays: '',
  activeFrom: '',
  activeUntil: '',
  active: true,
};

const numberOrNull = (value: number | string): number | null =>
  value === '' ? null : Number(value);

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as `datetime-local` text in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (iso === null) {
    return '';
  }
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const fromLocalInput = (text: string): string | null =>
  text === '' ? null : new Date(text).toISOString();

function valueBody(values: RewardFormValues): number | string | undefined {
  if (NUMERIC_VALUE.has(values.type)) {
    // A number the API can judge; text typed into it (impossible in NumberInput) stays text.
    return values.value === '' ? undefined : Number(values.value);
  }
  const text = String(values.value).trim();
  return text === '' ? undefined : text;
}

/** The body POST /v1/rewards and PUT /v1/rewards/{id} take; empty fields mean "none". */
export function toRewardBody(values: RewardFormValues): RewardBody {
  const description = values.description.trim();
  return {
    name: values.name,
    ...(description === '' ? {} : { description }),
    type: values.type,
    value: valueBody(values),
    pointsCost: Number(values.pointsCost),
    stock: numberOrNull(values.stock),
    perMemberLimit: numberOrNull(values.perMemberLimit),
    tiers: values.tiers,
    validDays: numberOrNull(values.validDays),
    activeFrom: fromLocalInput(values.activeFrom),
    activeUntil: fromLocalInput(values.activeUntil),
    active: values.active,
  };
}

export function toRewardForm(reward: Reward): RewardFormValues {
  return {
    name: reward.name,
    description: reward.description ?? '',
    type: reward.type,
    value: reward.value ?? '',
    pointsCost: reward.pointsCost,
    stock: reward.stock ?? '',
    perMemberLimit: reward.perMemberLimit ?? '',
    tiers: reward.tiers,
    validDays: reward.validDays ?? '',
    activeFrom: toLocalInput(reward.activeFrom),
    activeUntil: toLocalInput(reward.activeUntil),
    active: reward.active,
  };
}

/** What the form checks before asking the API: the two fields it cannot do without. */
export function validateReward(
  values: RewardFormValues,
  t: (key: string) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.name.trim() === '') {
    errors.name = t('rewards.errors.name');
  }
  if (values.pointsCost === '') {
    errors.pointsCost = t('rewards.errors.pointsCost');
  }
  return errors;
}
