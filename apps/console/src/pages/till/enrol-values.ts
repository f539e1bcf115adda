import type { components } from '../../api/schema';
import { latinDigits } from './money-input';

export type CreateMemberBody = components['schemas']['CreateMemberDto'];

export interface EnrolValues extends Record<string, unknown> {
  name: string;
  phone: string;
  email: string;
}

/** Longer runs of digits than any phone number are card numbers, which the API makes itself. */
const MAX_PHONE_DIGITS = 15;

/**
 * What the cashier searched for, put in the field it most likely is, so a member nobody found
 * is enrolled without typing it again: an email, a phone, or a name. A card number is left out:
 * the API issues cards.
 */
export function enrolValuesFrom(typed: string): EnrolValues {
  const text = latinDigits(typed.trim());
  const empty: EnrolValues = { name: '', phone: '', email: '' };
  if (text.includes('@')) {
    return { ...empty, email: text };
  }
  if (/^[\d\s().+-]+$/.test(text)) {
    const digits = text.replace(/\D/g, '').length;
    return digits >= 6 && digits <= MAX_PHONE_DIGITS ? { ...empty, phone: text } : empty;
  }
  return { ...empty, name: text };
}

/** The enrolment body: only the fields filled in, digits as the API reads them; a till enrols in store. */
export function toCreateMemberBody(values: EnrolValues): CreateMemberBody {
  const name = values.name.trim();
  const phone = latinDigits(values.phone.trim());
  const email = values.email.trim();
  return {
    ...(name === '' ? {} : { name }),
    ...(phone === '' ? {} : { phone }),
    ...(email === '' ? {} : { email }),
    channel: 'store',
  };
}
