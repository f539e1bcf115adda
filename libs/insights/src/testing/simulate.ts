import type { BgNbdParams } from '../bgnbd-model';
import type { GammaGammaParams } from '../gamma-gamma-model';
import { sampleBeta, sampleExponential, sampleGamma, type Uniform } from './random';

export interface SimulatedBgNbdCustomer {
  x: number;
  tx: number;
  T: number;
}

/**
 * One customer's calibration-period history under the BG/NBD story: Poisson purchases at rate λ
 * while alive, and after each repeat purchase the customer drops out with probability p.
 */
export function simulateBgNbdCustomer(
  uniform: Uniform,
  params: BgNbdParams,
  T: number,
): SimulatedBgNbdCustomer {
  const lambda = sampleGamma(uniform, params.r, params.alpha);
  const p = sampleBeta(uniform, params.a, params.b);
  let time = 0;
  let x = 0;
  let tx = 0;
  for (;;) {
    time += sampleExponential(uniform, lambda);
    if (time > T) {
      break;
    }
    x++;
    tx = time;
    if (uniform() < p) {
      break;
    }
  }
  return { x, tx, T };
}

/** Mean of x transaction values, each Gamma(p, ν) with the customer's ν ~ Gamma(q, γ). */
export function simulateMeanSpend(uniform: Uniform, params: GammaGammaParams, x: number): number {
  const nu = sampleGamma(uniform, params.q, params.gamma);
  let total = 0;
  for (let i = 0; i < x; i++) {
    total += sampleGamma(uniform, params.p, nu);
  }
  return total / x;
}
