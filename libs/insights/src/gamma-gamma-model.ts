import { type GammaGammaData, type GammaGammaRow, groupGammaGammaData } from './gamma-gamma-data';
import { lgamma } from './lgamma';
import { minimizeNelderMead, type NelderMeadOptions } from './nelder-mead-optimizer';

// Module-local aliases: global lookups are slow inside Node vm contexts (as under Jest).
const { exp, log } = Math;

/**
 * Gamma–Gamma spend model (Fader, Hardie & Lee 2005; Fader & Hardie 2013): each transaction's
 * value ~ Gamma(p, ν) (ν a rate), and ν ~ Gamma(q, γ) across customers.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFitOptions {
  start?: GammaGammaParams;
  optimizer?: NelderMeadOptions;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  /** Total weight (number of customers) the fit was made on. */
  customers: number;
  /** Weight of customers left out (x = 0 or mx = 0). */
  excluded: number;
  evaluations: number;
  converged: boolean;
}

function assertParams(params: GammaGammaParams): void {
  const { p, q, gamma } = params;
  if (![p, q, gamma].every((v) => Number.isFinite(v) && v > 0)) {
    throw new RangeError(
      `Gamma-Gamma parameters must be finite and > 0, got ${JSON.stringify(params)}`,
    );
  }
}

interface XTerms {
  x: number;
  /** lgamma(px+q) - lgamma(px) + px·log(x) */
  value: number;
}

/**
 * Builds the log-likelihood of the mean spends m_x (the Gamma(px, νx) density integrated over ν)
 * for fixed data; terms that depend only on x are computed once per distinct x per call.
 */
function compileLogLikelihood(
  rows: readonly GammaGammaRow[],
): (params: GammaGammaParams) => number {
  const terms = new Map<number, XTerms>();
  const prepared = rows.map((row) => {
    let t = terms.get(row.x);
    if (!t) {
      t = { x: row.x, value: 0 };
      terms.set(row.x, t);
    }
    return { row, terms: t, logMx: log(row.mx) };
  });
  return ({ p, q, gamma }) => {
    const constant = q * log(gamma) - lgamma(q);
    for (const t of terms.values()) {
      const px = p * t.x;
      t.value = lgamma(px + q) - lgamma(px) + px * log(t.x);
    }
    let total = 0;
    for (const { row, terms: t, logMx } of prepared) {
      const px = p * row.x;
      total +=
        row.weight *
        (t.value + constant + (px - 1) * logMx - (px + q) * log(row.x * row.mx + gamma));
    }
    return total;
  };
}

/** Total (weighted) log-likelihood; customers with x = 0 or mx = 0 do not contribute. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: GammaGammaData): number {
  assertParams(params);
  return compileLogLikelihood(groupGammaGammaData(data).rows)(params);
}

/** Maximum-likelihood fit of p, q, γ (log-parameterised Nelder–Mead with restarts). */
export function fitGammaGamma(
  data: GammaGammaData,
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  const { rows, excluded } = groupGammaGammaData(data);
  let customers = 0;
  let spend = 0;
  for (const row of rows) {
    customers += row.weight;
    spend += row.weight * row.mx;
  }
  if (customers === 0) {
    throw new RangeError('fitGammaGamma: no customers with repeat purchases and positive spend');
  }
  // With p = 1 and q = 2 the model's mean spend p·γ/(q-1) equals γ, so start γ at the observed mean.
  const start = options.start ?? { p: 1, q: 2, gamma: spend / customers };
  assertParams(start);

  const logLikelihood = compileLogLikelihood(rows);
  const toParams = (theta: readonly number[]): GammaGammaParams => ({
    p: exp(theta[0] ?? NaN),
    q: exp(theta[1] ?? NaN),
    gamma: exp(theta[2] ?? NaN),
  });
  const objective = (theta: readonly number[]): number => {
    const params = toParams(theta);
    if (![params.p, params.q, params.gamma].every((v) => v > 0 && Number.isFinite(v))) {
      return Infinity;
    }
    return -logLikelihood(params) / customers;
  };
  const result = minimizeNelderMead(
    objective,
    [start.p, start.q, start.gamma].map((v) => log(v)),
    {
      fTolerance: 1e-12,
      xTolerance: 1e-8,
      maxEvaluations: 20_000,
      ...options.optimizer,
    },
  );
  const params = toParams(result.x);
  return {
    params,
    logLikelihood: logLikelihood(params),
    customers,
    excluded,
    evaluations: result.evaluations,
    converged: result.converged,
  };
}

/**
 * E[M | x, m_x]: expected value of a future transaction, p(γ + x·m_x)/(p·x + q - 1) — a weighted
 * average of the population mean p·γ/(q-1) and the customer's own mean m_x. With x = 0 it is the
 * population mean (m_x is ignored).
 */
export function gammaGammaConditionalExpectedSpend(
  params: GammaGammaParams,
  x: number,
  mx: number,
): number {
  assertParams(params);
  const { p, q, gamma } = params;
  if (!Number.isInteger(x) || x < 0) {
    throw new RangeError(`Gamma-Gamma: x must be a non-negative integer, got ${x}`);
  }
  const m = x === 0 ? 0 : mx;
  if (!Number.isFinite(m) || m < 0) {
    throw new RangeError(`Gamma-Gamma: mx must be finite and >= 0, got ${mx}`);
  }
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    throw new RangeError(
      `Gamma-Gamma: expected spend is infinite when p·x + q <= 1 (p=${p}, q=${q}, x=${x})`,
    );
  }
  return (p * (gamma + x * m)) / denominator;
}
