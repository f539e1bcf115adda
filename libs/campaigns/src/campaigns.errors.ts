import { DomainError, notFound } from '@vafa/platform';
import type { RewardsErrorCode } from '@vafa/rewards';

export const CAMPAIGNS_ERROR_CODES = [
  'CAMPAIGN_NOT_FOUND',
  'RUN_NOT_FOUND',
  'CAMPAIGN_NOT_ACTIVE',
] as const;

export type CampaignsErrorCode = (typeof CAMPAIGNS_ERROR_CODES)[number];
type CampaignsError = DomainError<CampaignsErrorCode>;

export const campaignNotFound = (): CampaignsError =>
  notFound('The campaign', 'CAMPAIGN_NOT_FOUND');

export const campaignRunNotFound = (): CampaignsError =>
  notFound('The campaign run', 'RUN_NOT_FOUND');

export const campaignNotActive = (): CampaignsError =>
  new DomainError(422, 'CAMPAIGN_NOT_ACTIVE', 'The campaign is not active now.');

/** 422 with the rewards library's code: the campaign exists, the reward its gift names does not. */
export const giftRewardNotFound = (): DomainError<Extract<RewardsErrorCode, 'REWARD_NOT_FOUND'>> =>
  new DomainError(422, 'REWARD_NOT_FOUND', 'The gift names a reward that does not exist.');
