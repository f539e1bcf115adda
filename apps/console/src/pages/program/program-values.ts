import type { components } from '../../api/schema';
import { latinDigits } from '../till/money-input';

export type ProgramSettings = components['schemas']['ProgramSettingsDto'];
export type ProgramPatch = components['schemas']['PatchProgramDto'];

/** The numeric settings, in the order the form shows them. */
export const NUMBER_FIELDS = [
  'minorUnitsPerMajor',
  'pointsPendingDays',
  'pointsExpiryDays',
  'redemptionPoints',
  'redemptionValue',
  'maxRedeemPercent',
  'goodwillDailyBudget',
  'goodwillMonthlyCap',
  'tierDowngradeWarningDays',
] as const;

export type NumberField = (typeof NUMBER_FIELDS)[number];

export type ProgramFormValues = Record<NumberField, number | string> & {
  name: string;
  currency: string;
  timeZone: string;
  defaultCountry: string;
  /** As typed in the tags input: Persian digits are read as Latin ones when sent. */
  expiryReminderDays: string[];
};

export function toProgramValues(settings: ProgramSettings): ProgramFormValues {
  return {
    ...settings,
    defaultCountry: settings.defaultCountry ?? '',
    expiryReminderDays: settings.expiryReminderDays.map(String),
  };
}

/** A typed day count as a number; anything else is sent as typed, so the API says what is wrong. */
const toDays = (typed: string): number | string => {
  const text = latinDigits(typed.trim());
  return /^\d+$/.test(text) ? Number(text) : typed;
};

/** The same days in any order (the API keeps them largest first). */
const sameDays = (a: readonly (number | string)[], b: readonly number[]): boolean =>
  a.length === b.length && b.every((day) => a.includes(day));

/** Only what changed: a blank number is sent as is, so the API says what is wrong with it. */
export function toProgramPatch(values: ProgramFormValues, before: ProgramSettings): ProgramPatch {
  const patch: Record<string, unknown> = {};
  for (const field of ['name', 'currency', 'timeZone'] as const) {
    if (values[field].trim() !== before[field]) {
      patch[field] = values[field].trim();
    }
  }
  const country = values.defaultCountry.trim() === '' ? null : values.defaultCountry.trim();
  if (country !== before.defaultCountry) {
    patch.defaultCountry = country;
  }
  for (const field of NUMBER_FIELDS) {
    const value = values[field] === '' ? null : Number(values[field]);
    if (value !== before[field]) {
      patch[field] = value;
    }
  }
  const days = values.expiryReminderDays.map(toDays);
  if (!sameDays(days, before.expiryReminderDays)) {
    patch.expiryReminderDays = days;
  }
  return patch;
}
