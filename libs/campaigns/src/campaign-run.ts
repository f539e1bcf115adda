import type { ValueBasis } from './audience.query';

export interface RunWarning {
  /** HOLDOUT_EMPTY, HOLDOUT_TOO_SMALL, CLV_NOT_AVAILABLE */
  code: string;
  message: string;
}

export interface RunResult {
  runId: string | null;
  dryRun: boolean;
  eligible: number;
  holdout: number;
  granted: number;
  skipped: number;
  /** Skipped members by reason: chance, cooldown, budget, reward_out_of_stock, reward_not_found. */
  skippedReasons: Record<string, number>;
  budgetLeft: { grantsThisRun: number | null; points: number | null };
  /** Points this run grants (a reward or perk gift costs none). */
  pointsCost: number;
  /** What top_clv_percent ranked by; null when the audience does not rank by value. */
  valueBasis: ValueBasis | null;
  warnings: RunWarning[];
}

export interface BatchCounts {
  eligible: number;
  holdout: number;
  granted: number;
  skipped: number;
  skippedReasons: Record<string, number>;
}

export interface Run {
  id: string;
  seed: string;
  startedAt: Date;
  granted: number;
}

/** The last member (by holdout draw, then id) of the run's holdout; null for no holdout. */
export interface HoldoutCutoff {
  draw: number;
  memberId: string;
}

/** A uniform draw in [0, 1) from the run's seed, the member and a purpose: the same on a rerun. */
export const draw = (seed: string, purpose: string, member = 'c.member_id'): string =>
  `(('x' || substr(md5(${seed} || ':${purpose}:' || ${member}::text), 1, 8))::bit(32)::bigint / 4294967296.0)::float8`;
