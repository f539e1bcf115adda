import type { MemberEntity } from './member.entity';

/** The fields of a member's profile that staff may change. */
export const PROFILE_FIELDS = ['name', 'email', 'phone', 'birthDate', 'externalId'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileValues = Pick<MemberEntity, ProfileField>;

/** How the member reads each field in their activity (the external id is ours, not theirs). */
const MEMBER_LABELS: Record<ProfileField, string | null> = {
  name: 'name',
  email: 'email',
  phone: 'phone number',
  birthDate: 'birth date',
  externalId: null,
};

/** The fields whose value differs. */
export function changedFields(before: ProfileValues, after: ProfileValues): ProfileField[] {
  return PROFILE_FIELDS.filter((field) => before[field] !== after[field]);
}

/** "Your email and phone number were updated." — what the member sees of a change. */
export function describeProfileChange(fields: ProfileField[]): string {
  const labels = fields.map((f) => MEMBER_LABELS[f]).filter((l): l is string => l !== null);
  if (labels.length === 0) {
    return 'Your profile was updated.';
  }
  const last = labels.pop() as string;
  const list = labels.length > 0 ? `${labels.join(', ')} and ${last}` : last;
  return `Your ${list} ${labels.length > 0 ? 'were' : 'was'} updated.`;
}
