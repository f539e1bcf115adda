import type { components } from '../../api/schema';

export type EarningRule = components['schemas']['EarningRuleDto'];
export type EarningRuleBody = components['schemas']['CreateEarningRuleDto'];
export type Channel = 'store' | 'online' | 'app';

export const CHANNELS: readonly Channel[] = ['store', 'online', 'app'];
/** ISO weekdays, 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

type Amount = number | string;

/** The rule form's values: paths match the API's (`conditions.minOrderTotal`, `effect.multiplier`). */
export interface RuleFormValues extends Record<string, unknown> {
  name: string;
  active: boolean;
  priority: Amount;
  stackable: boolean;
  conditions: {
    channels: string[];
    storeIds: string[];
    tiers: string[];
    categories: string[];
    skus: string[];
    /** Major currency units on the form; minor units in the API. */
    minOrderTotal: Amount;
    daysOfWeek: string[];
    /** `datetime-local` text, the browser's local time. */
    validFrom: string;
    validUntil: string;
  };
  effect: { pointsPerUnit: Amount; multiplier: Amount; fixedPoints: Amount };
  limits: { perMemberPerDay: Amount };
}

export const EMPTY_RULE: RuleFormValues = {
  name: '',
  active: true,
  priority: 0,
  stackable: true,
  conditions: {
    channels: [],
    storeIds: [],
    tiers: [],
    categories: [],
    skus: [],
    minOrderTotal: '',
    daysOfWeek: [],
    validFrom: '',
    validUntil: '',
  },
  effect: { pointsPerUnit: '', multiplier: '', fixedPoints: '' },
  limits: { perMemberPerDay: '' },
};

const isBlank = (value: Amount): value is '' => value === '' || value === undefined;
const numberOrUndefined = (value: Amount): number | undefined =>
  isBlank(value) ? undefined : Number(value);
const listOrUndefined = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

/** `datetime-local` text (local time) to an ISO instant; the text itself when it is no date. */
function toInstant(local: string): string | undefined {
  if (local === '') {
    return undefined;
  }
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** An ISO instant to `datetime-local` text in the browser's time zone. */
function toLocalInput(iso: string | undefined): string {
  if (iso === undefined) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Drops the keys whose value is undefined, so an unset condition is absent, not null. */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/** The API body for the form's values; money converted with the program's minor units. */
export function toRuleBody(
  values: RuleFormValues,
  toMinor: (major: number) => number,
): EarningRuleBody {
  const c = values.conditions;
  const minOrderTotal = numberOrUndefined(c.minOrderTotal);
  const limit = numberOrUndefined(values.limits.perMemberPerDay);
  return {
    name: values.name.trim(),
    active: values.active,
    priority: numberOrUndefined(values.priority) ?? 0,
    stackable: values.stackable,
    conditions: defined({
      channels: listOrUndefined(c.channels as Channel[]),
      storeIds: listOrUndefined(c.storeIds),
      tiers: listOrUndefined(c.tiers),
      categories: listOrUndefined(c.categories),
      skus: listOrUndefined(c.skus),
      minOrderTotal: minOrderTotal === undefined ? undefined : toMinor(minOrderTotal),
      daysOfWeek: listOrUndefined(c.daysOfWeek.map(Number).sort((a, b) => a - b)),
      validFrom: toInstant(c.validFrom),
      validUntil: toInstant(c.validUntil),
    }),
    effect: defined({
      pointsPerUnit: numberOrUndefined(values.effect.pointsPerUnit),
      multiplier: numberOrUndefined(values.effect.multiplier),
      fixedPoints: numberOrUndefined(values.effect.fixedPoints),
    }),
    ...(limit === undefined ? {} : { limits: { perMemberPerDay: limit } }),
  };
}

/** The form's values for a stored rule. */
export function toRuleValues(
  rule: EarningRule,
  toMajor: (minor: number) => number,
): RuleFormValues {
  const c = rule.conditions;
  const blankIfAbsent = (value: number | undefined): Amount => value ?? '';
  return {
    name: rule.name,
    active: rule.active,
    priority: rule.priority,
    stackable: rule.stackable,
    conditions: {
      channels: c.channels ?? [],
      storeIds: c.storeIds ?? [],
      tiers: c.tiers ?? [],
      categories: c.categories ?? [],
      skus: c.skus ?? [],
      minOrderTotal: c.minOrderTotal === undefined ? '' : toMajor(c.minOrderTotal),
      daysOfWeek: (c.daysOfWeek ?? []).map(String),
      validFrom: toLocalInput(c.validFrom),
      validUntil: toLocalInput(c.validUntil),
    },
    effect: {
      pointsPerUnit: blankIfAbsent(rule.effect.pointsPerUnit),
      multiplier: blankIfAbsent(rule.effect.multiplier),
      fixedPoints: blankIfAbsent(rule.effect.fixedPoints),
    },
    limits: { perMemberPerDay: blankIfAbsent(rule.limits?.perMemberPerDay) },
  };
}
