import type { components } from '../../api/schema';

export type ReferralProgram = components['schemas']['ReferralProgramViewDto'];
export type ReferralProgramPatch = components['schemas']['ReferralProgramDto'];
export type Referral = components['schemas']['ReferralDto'];
export type ReferralStatus = Referral['status'];

export const STATUSES: readonly ReferralStatus[] = [
  'joined',
  'qualified',
  'rewarded',
  'held',
  'rejected',
  'reversed',
  'expired',
];

export const NUMBER_FIELDS = [
  'referrerPoints',
  'refereePoints',
  'qualifyingMinSpend',
  'maxReferralsPerMember',
  'attributionDays',
  'velocityMax',
  'velocityWindowHours',
] as const;

type NumberField = (typeof NUMBER_FIELDS)[number];

export type ReferralProgramValues = Record<NumberField, number | string> & {
  active: boolean;
  shareBaseUrl: string;
};

/** Only what changed; a blank number goes as null so the API names the field. */
export function toReferralPatch(
  values: ReferralProgramValues,
  before: ReferralProgram,
): ReferralProgramPatch {
  const patch: Record<string, unknown> = {};
  if (values.active !== before.active) {
    patch.active = values.active;
  }
  if (values.shareBaseUrl.trim() !== before.shareBaseUrl) {
    patch.shareBaseUrl = values.shareBaseUrl.trim();
  }
  for (const field of NUMBER_FIELDS) {
    const value = values[field] === '' ? null : Number(values[field]);
    if (value !== before[field]) {
      patch[field] = value;
    }
  }
  return patch;
}
