import { DomainError, notFound } from '@vafa/platform';

export const MEMBERS_ERROR_CODES = ['MEMBER_NOT_FOUND', 'MEMBER_EXISTS', 'PHONE_INVALID'] as const;

export type MembersErrorCode = (typeof MEMBERS_ERROR_CODES)[number];
type MembersError = DomainError<MembersErrorCode>;

export const memberNotFound = (): MembersError => notFound('The member', 'MEMBER_NOT_FOUND');

export const memberExists = (field: string): MembersError =>
  new DomainError(409, 'MEMBER_EXISTS', `A member with this ${field} already exists.`, { field });

export const phoneInvalid = (field = 'phone'): MembersError =>
  new DomainError(
    400,
    'PHONE_INVALID',
    `${field} is not a phone number we can place: give its country code (+98 912 000 1234), or set the program's defaultCountry for numbers written without one.`,
    { field },
  );
