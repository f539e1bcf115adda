import type { TFunction } from 'i18next';
import { RUN_GROUPS, type RunGroup } from './run-members-query';
import type { UpliftRowKey, Verdict } from './uplift';

/** Why the runner skips a member (GET …/runs/{runId}/members answers them in `reason`). */
export const SKIP_REASONS = [
  'chance',
  'cooldown',
  'budget',
  'reward_out_of_stock',
  'reward_not_found',
] as const;

export const GROUP_FILTERS = ['all', ...RUN_GROUPS] as const;
export const UPLIFT_ROWS: readonly UpliftRowKey[] = ['treated', 'holdout', 'uplift'];
export const VERDICTS: readonly Verdict[] = ['up', 'down', 'unclear'];

export const groupLabel = (t: TFunction, group: RunGroup | 'all'): string =>
  t(`campaigns.results.members.groups.${group}`);

/** A reason the console does not know yet is shown as the API names it. */
export const reasonLabel = (t: TFunction, reason: string): string =>
  (SKIP_REASONS as readonly string[]).includes(reason)
    ? t(`campaigns.results.members.reasons.${reason}`)
    : reason;

export const rowLabel = (t: TFunction, key: UpliftRowKey): string =>
  t(`campaigns.results.rows.${key}`);

export const verdictText = (t: TFunction, verdict: Verdict): string =>
  t(`campaigns.results.verdict.${verdict}`);
