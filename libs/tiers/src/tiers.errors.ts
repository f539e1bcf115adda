import { DomainError, notFound } from '@vafa/platform';

export const TIERS_ERROR_CODES = ['TIER_NOT_FOUND', 'TIER_EXISTS', 'TIER_IN_USE'] as const;

export type TiersErrorCode = (typeof TIERS_ERROR_CODES)[number];
type TiersError = DomainError<TiersErrorCode>;

export const tierNotFound = (): TiersError => notFound('The tier', 'TIER_NOT_FOUND');

/** 422: an assignment names a tier code that does not exist (the member does). */
export const assignedTierNotFound = (tierCode: string): TiersError =>
  new DomainError(422, 'TIER_NOT_FOUND', `There is no tier ${tierCode}.`, { field: 'tierCode' });

export const tierExists = (field: 'code' | 'rank'): TiersError =>
  new DomainError(409, 'TIER_EXISTS', `A tier with this ${field} already exists.`, { field });

export const tierInUse = (members: number | undefined): TiersError =>
  new DomainError(409, 'TIER_IN_USE', `${members} members hold this tier; move them first.`);
