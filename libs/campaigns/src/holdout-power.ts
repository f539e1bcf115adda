/** z for a two-sided 5 % test (97.5th percentile of the standard normal). */
export const Z_975 = 1.959963984540054;
/** z for 80 % power (80th percentile of the standard normal). */
export const Z_80 = 0.8416212335729143;

/** A group needs at least this many members for its variance, and so an uplift's CI. */
export const MIN_GROUP_SIZE = 2;

/** The purchase rate assumed when none is known or it is 0 or 1: the largest variance. */
export const CONSERVATIVE_RATE = 0.5;

/**
 * The smallest true difference in means a treated-vs-holdout comparison detects at 95 %
 * confidence with 80 % power: (z₀.₉₇₅ + z₀.₈) · s · √(1/n_t + 1/n_h). Null when a group is empty
 * (no difference is detectable) or s is unknown.
 */
export function minimumDetectableEffect(
  sd: number | null,
  treated: number,
  holdout: number,
): number | null {
  if (sd === null || !Number.isFinite(sd) || sd < 0 || treated < 1 || holdout < 1) {
    return null;
  }
  return (Z_975 + Z_80) * sd * Math.sqrt(1 / treated + 1 / holdout);
}

/** √(p(1-p)) of a purchase rate; CONSERVATIVE_RATE's when p is unknown, 0 or 1. */
export function rateSd(rate: number | null): number {
  const p = rate !== null && rate > 0 && rate < 1 ? rate : CONSERVATIVE_RATE;
  return Math.sqrt(p * (1 - p));
}

export interface GroupMoments {
  members: number;
  mean: number;
  /** Sample variance; null below two members. */
  variance: number | null;
}

/** The pooled standard deviation of two groups; null without a degree of freedom. */
export function pooledSd(t: GroupMoments, h: GroupMoments): number | null {
  const df = Math.max(t.members - 1, 0) + Math.max(h.members - 1, 0);
  if (df < 1) {
    return null;
  }
  const sum =
    Math.max(t.members - 1, 0) * (t.variance ?? 0) + Math.max(h.members - 1, 0) * (h.variance ?? 0);
  return Math.sqrt(sum / df);
}

/**
 * Whether a run's uplift can be measured: both groups have MIN_GROUP_SIZE members and the
 * purchase-rate difference they can detect is smaller than the largest uplift possible from the
 * rate p assumed (1 - p: everyone buys); otherwise no possible effect would be detected.
 */
export function isMeasurable(
  treated: number,
  holdout: number,
  purchaseRateMde: number | null,
  rate: number | null,
): boolean {
  const p = rate !== null && rate > 0 && rate < 1 ? rate : CONSERVATIVE_RATE;
  return (
    treated >= MIN_GROUP_SIZE &&
    holdout >= MIN_GROUP_SIZE &&
    purchaseRateMde !== null &&
    purchaseRateMde < 1 - p
  );
}

/** The holdout a share of `eligible` gets: rounded down, so a share of few members can be 0. */
export const holdoutSize = (eligible: number, holdoutPercent: number): number =>
  Math.floor((eligible * holdoutPercent) / 100 + 1e-9);
