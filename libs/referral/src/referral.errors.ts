import { DomainError } from '@vafa/platform';

export const REFERRAL_ERROR_CODES = [
  'REFERRAL_CODE_INVALID',
  'REFERRAL_SELF',
  'REFERRAL_NOT_FOUND',
  'REFERRAL_NOT_HELD',
] as const;

export type ReferralErrorCode = (typeof REFERRAL_ERROR_CODES)[number];
type ReferralError = DomainError<ReferralErrorCode>;

export const referralCodeInvalid = (why: string): ReferralError =>
  new DomainError(422, 'REFERRAL_CODE_INVALID', `The referral code cannot be used: ${why}.`);

export const referralSelf = (): ReferralError =>
  new DomainError(422, 'REFERRAL_SELF', 'A member cannot refer themselves.');

export const referralNotFound = (): ReferralError =>
  new DomainError(404, 'REFERRAL_NOT_FOUND', 'No referral of this member was found.');

/** Approving a referral that is not held (it says what it is instead). */
export const referralNotHeld = (status: string): ReferralError =>
  new DomainError(409, 'REFERRAL_NOT_HELD', `This referral is ${status}, not held.`);

export const onlyHeldReferralRejectable = (): ReferralError =>
  new DomainError(409, 'REFERRAL_NOT_HELD', 'Only a held referral can be rejected.');
