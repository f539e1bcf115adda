import { type BgNbdData, type BgNbdRow, groupBgNbdData } from './bgnbd-data';
import { hyp2f1 } from './hyp2f1';
import { lgamma } from './lgamma';
import { log1pExp, logAddExp } from './log-sum-exp';
import { minimizeNelderMead, type NelderMeadOptions } from './nelder-mead-optimizer';

// Module-local aliases: global lookups are slow inside Node vm contexts (as under Jest).
const { abs, exp, log, pow } = Math;

/** BG/NBD parameters (Fader, Hardie & Lee 2005): λ ~ Gamma(r, α) (α a rate), p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdCustomer {
  x: number;
  tx: number;
  T: number;
}

export interface BgNbdFitOptions {
  start?: BgNbdParams;
  optimizer?: NelderMeadOptions;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  /** Total weight (number of customers) the fit was made on. */
  customers: number;
  evaluations: number;
  converged: boolean;
}

function assertParams(params: BgNbdParams): void {
  const { r, alpha, a, b } = params;
  if (![r, alpha, a, b].every((v) => Number.isFinite(v) && v > 0)) {
    throw new RangeError(`BG/NBD parameters must be finite and > 0, got ${JSON.stringify(params)}`);
  }
}

function assertCustomer(customer: BgNbdCustomer): void {
  const { x, tx, T } = customer;
  if (!Number.isInteger(x) || x < 0) {
    throw new RangeError(`BG/NBD: x must be a non-negative integer, got ${x}`);
  }
  if (!Number.isFinite(T) || T < 0) {
    throw new RangeError(`BG/NBD: T must be finite and >= 0, got ${T}`);
  }
  if (x > 0 && !(tx >= 0 && tx <= T)) {
    throw new RangeError(`BG/NBD: tx must lie in [0, T], got tx=${tx}, T=${T}`);
  }
}

interface XTerms {
  x: number;
  /** lgamma(r+x) + lgamma(b+x) - lgamma(a+b+x) */
  common: number;
  /** log(a / (b+x-1)), or -Infinity when x = 0 (no dropout term). */
  logDropout: number;
}

/**
 * Builds a log-likelihood function for fixed data. Everything that depends only on x is computed
 * once per distinct x per call, so the per-row cost is two logs and one log-add-exp.
 */
function compileLogLikelihood(rows: readonly BgNbdRow[]): (params: BgNbdParams) => number {
  const terms = new Map<number, XTerms>();
  const prepared = rows.map((row) => {
    let t = terms.get(row.x);
    if (!t) {
      t = { x: row.x, common: 0, logDropout: -Infinity };
      terms.set(row.x, t);
    }
    return { row, terms: t };
  });
  return ({ r, alpha, a, b }) => {
    const base = lgamma(a + b) - lgamma(b) - lgamma(r) + r * log(alpha);
    for (const t of terms.values()) {
      t.common = lgamma(r + t.x) + lgamma(b + t.x) - lgamma(a + b + t.x);
      t.logDropout = t.x > 0 ? log(a) - log(b + t.x - 1) : -Infinity;
    }
    let total = 0;
    for (const { row, terms: t } of prepared) {
      const rx = r + row.x;
      // log L = A1 + A2 + log(exp(A3) + δ(x>0) exp(A4)) in FHL's notation.
      const stillAlive = -rx * log(alpha + row.T);
      const droppedOut = t.logDropout - rx * log(alpha + row.tx);
      total += row.weight * (base + t.common + logAddExp(stillAlive, droppedOut));
    }
    return total;
  };
}

/** Log-likelihood of one customer's (x, tx, T) under the BG/NBD model. */
export function bgnbdCustomerLogLikelihood(params: BgNbdParams, customer: BgNbdCustomer): number {
  assertParams(params);
  assertCustomer(customer);
  return compileLogLikelihood([{ ...customer, tx: customer.x === 0 ? 0 : customer.tx, weight: 1 }])(
    params,
  );
}

/** Total (weighted) log-likelihood of a data set under the BG/NBD model. */
export function bgnbdLogLikelihood(params: BgNbdParams, data: BgNbdData): number {
  assertParams(params);
  return compileLogLikelihood(groupBgNbdData(data))(params);
}

function defaultStart(rows: readonly BgNbdRow[]): BgNbdParams {
  let purchases = 0;
  let exposure = 0;
  for (const row of rows) {
    purchases += row.weight * row.x;
    exposure += row.weight * row.T;
  }
  // With r = 1, α is the reciprocal mean purchase rate; this makes the start independent of time units.
  const alpha = purchases > 0 && exposure > 0 ? exposure / purchases : 1;
  return { r: 1, alpha, a: 1, b: 1 };
}

/** Maximum-likelihood fit of the BG/NBD model (log-parameterised Nelder–Mead with restarts). */
export function fitBgNbd(data: BgNbdData, options: BgNbdFitOptions = {}): BgNbdFit {
  const rows = groupBgNbdData(data);
  const customers = rows.reduce((sum, row) => sum + row.weight, 0);
  if (customers === 0) {
    throw new RangeError('fitBgNbd: no customers to fit');
  }
  const start = options.start ?? defaultStart(rows);
  assertParams(start);

  const logLikelihood = compileLogLikelihood(rows);
  const toParams = (theta: readonly number[]): BgNbdParams => ({
    r: exp(theta[0] ?? NaN),
    alpha: exp(theta[1] ?? NaN),
    a: exp(theta[2] ?? NaN),
    b: exp(theta[3] ?? NaN),
  });
  // Mean negative log-likelihood keeps the tolerances meaningful regardless of the data size.
  const objective = (theta: readonly number[]): number => {
    const params = toParams(theta);
    if (![params.r, params.alpha, params.a, params.b].every((v) => v > 0 && Number.isFinite(v))) {
      return Infinity;
    }
    return -logLikelihood(params) / customers;
  };
  const result = minimizeNelderMead(
    objective,
    [start.r, start.alpha, start.a, start.b].map((v) => log(v)),
    { fTolerance: 1e-12, xTolerance: 1e-8, maxEvaluations: 20_000, ...options.optimizer },
  );
  const params = toParams(result.x);
  return {
    params,
    logLikelihood: logLikelihood(params),
    customers,
    evaluations: result.evaluations,
    converged: result.converged,
  };
}

/** P(customer still alive at T | x, tx, T). */
export function bgnbdProbabilityAlive(params: BgNbdParams, customer: BgNbdCustomer): number {
  assertParams(params);
  assertCustomer(customer);
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  if (x === 0) {
    return 1;
  }
  const logOdds = log(a) - log(b + x - 1) + (r + x) * (log(alpha + T) - log(alpha + tx));
  return exp(-log1pExp(logOdds));
}

/**
 * (a+b+x-1)/(a-1) · [1 - ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x-1; z)],  z = t/(α+T+t).
 * Euler's transformation 2F1(A,B;C;z) = (1-z)^(C-A-B) 2F1(C-A, C-B; C; z) turns this into
 * 1 - (1-z)^(a-1) · 2F1(a+b-1-r, a-1; a+b+x-1; z), whose parameters no longer grow with x: the
 * direct series has terms as large as (1-z)^-(r+x), which overflows for heavy buyers.
 */
function expectedPurchasesIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  const { a } = params;
  if (abs(a - 1) < 1e-7) {
    // (a+b+x-1)/(a-1) is 0/0 at a = 1; the function is smooth there, so a symmetric average is exact to O(h²).
    const h = 1e-5;
    return (
      (closedForm({ ...params, a: 1 - h }, x, T, t) +
        closedForm({ ...params, a: 1 + h }, x, T, t)) /
      2
    );
  }
  return closedForm(params, x, T, t);
}

function closedForm(params: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const oneMinusZ = (alpha + T) / (alpha + T + t);
  const series = hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z);
  return ((a + b + x - 1) / (a - 1)) * (1 - pow(oneMinusZ, a - 1) * series);
}

function assertHorizon(t: number): void {
  if (!Number.isFinite(t) || t < 0) {
    throw new RangeError(`BG/NBD: horizon t must be finite and >= 0, got ${t}`);
  }
}

/** E[X(t)]: expected repeat purchases in (0, t] of a customer whose first purchase was at 0. */
export function bgnbdExpectedPurchases(params: BgNbdParams, t: number): number {
  assertParams(params);
  assertHorizon(t);
  if (t === 0) {
    return 0;
  }
  return expectedPurchasesIfAlive(params, 0, 0, t);
}

/** E[Y(t) | x, tx, T]: expected purchases in (T, T+t] given the customer's history. */
export function bgnbdConditionalExpectedPurchases(
  params: BgNbdParams,
  customer: BgNbdCustomer,
  t: number,
): number {
  assertHorizon(t);
  const pAlive = bgnbdProbabilityAlive(params, customer);
  if (t === 0 || pAlive === 0) {
    return 0;
  }
  return expectedPurchasesIfAlive(params, customer.x, customer.T, t) * pAlive;
}
