import { type BgNbdFit, bgnbdLogLikelihood } from './bgnbd-model';
import type { BgNbdData } from './bgnbd-data';
import type { GammaGammaData } from './gamma-gamma-data';
import { type GammaGammaFit, gammaGammaLogLikelihood } from './gamma-gamma-model';
import { choleskyFailure, numericalHessian } from './hessian';

/**
 * Where a fitted shape parameter (r, a, b, p, q) stops meaning anything: the optimiser works in
 * log-parameters without bounds, and a history that cannot pin a parameter down lets it drift
 * towards 0 or infinity (no dropout, no heterogeneity) until the likelihood stops changing.
 * Real histories land well inside (CDNOW: 0.24 ≤ shape ≤ 6.3).
 */
export const SHAPE_BOUNDS = { min: 1e-4, max: 1e4 } as const;

/**
 * The least curvature of the negative log-likelihood, in log-parameters, in every direction at
 * the optimum. Below it, moving a parameter by a factor of e^10 changes the log-likelihood by
 * under 0.005: the history does not determine it.
 */
export const MIN_CURVATURE = 1e-4;

export type DegeneracyReason = 'non_finite' | 'at_bound' | 'flat_likelihood';

export interface Degeneracy {
  parameter: string;
  value: number;
  reason: DegeneracyReason;
}

/**
 * Why a maximum-likelihood fit is degenerate, or null when it is not: a parameter or the
 * log-likelihood that is not finite, a shape parameter at or beyond SHAPE_BOUNDS, or a Hessian
 * of the negative log-likelihood (central differences in log-parameters) that is not positive
 * definite with MIN_CURVATURE to spare. `params` lists the parameters in a fixed order.
 */
export function findDegeneracy(
  params: readonly [string, number][],
  shapes: readonly string[],
  logLikelihood: (values: readonly number[]) => number,
): Degeneracy | null {
  for (const [parameter, value] of params) {
    if (!Number.isFinite(value) || !(value > 0)) {
      return { parameter, value, reason: 'non_finite' };
    }
  }
  const values = params.map(([, value]) => value);
  const fitted = logLikelihood(values);
  if (!Number.isFinite(fitted)) {
    return { parameter: 'logLikelihood', value: fitted, reason: 'non_finite' };
  }
  for (const [parameter, value] of params) {
    if (shapes.includes(parameter) && !(value > SHAPE_BOUNDS.min && value < SHAPE_BOUNDS.max)) {
      return { parameter, value, reason: 'at_bound' };
    }
  }
  const negative = (theta: readonly number[]): number => {
    try {
      return -logLikelihood(theta.map((t) => Math.exp(t)));
    } catch (error) {
      if (error instanceof RangeError) {
        return NaN;
      }
      throw error;
    }
  };
  const hessian = numericalHessian(
    negative,
    values.map((v) => Math.log(v)),
  );
  const failed = choleskyFailure(hessian, MIN_CURVATURE);
  if (failed === null) {
    return null;
  }
  const [parameter, value] = params[failed] ?? ['?', NaN];
  return { parameter, value, reason: 'flat_likelihood' };
}

export function bgnbdDegeneracy(fit: BgNbdFit, data: BgNbdData): Degeneracy | null {
  const { r, alpha, a, b } = fit.params;
  if (!Number.isFinite(fit.logLikelihood)) {
    return { parameter: 'logLikelihood', value: fit.logLikelihood, reason: 'non_finite' };
  }
  return findDegeneracy(
    [
      ['r', r],
      ['alpha', alpha],
      ['a', a],
      ['b', b],
    ],
    ['r', 'a', 'b'],
    ([r, alpha, a, b]) =>
      bgnbdLogLikelihood({ r: r ?? NaN, alpha: alpha ?? NaN, a: a ?? NaN, b: b ?? NaN }, data),
  );
}

export function gammaGammaDegeneracy(fit: GammaGammaFit, data: GammaGammaData): Degeneracy | null {
  const { p, q, gamma } = fit.params;
  if (!Number.isFinite(fit.logLikelihood)) {
    return { parameter: 'logLikelihood', value: fit.logLikelihood, reason: 'non_finite' };
  }
  return findDegeneracy(
    [
      ['p', p],
      ['q', q],
      ['gamma', gamma],
    ],
    ['p', 'q'],
    ([p, q, gamma]) =>
      gammaGammaLogLikelihood({ p: p ?? NaN, q: q ?? NaN, gamma: gamma ?? NaN }, data),
  );
}
