import { DomainError } from '@vafa/platform';

export const referralCodeInvalid = (why: string): DomainError =>
  new DomainError(422, 'REFERRAL_CODE_INVALID', `The referral code cannot be used: ${why}.`);

export const referralNotFound = (): DomainError =>
  new DomainError(404, 'REFERRAL_NOT_FOUND', 'No referral of this member was found.');
