import { groupBgNbdData } from './bgnbd-data';
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdCustomerLogLikelihood,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  type BgNbdParams,
  bgnbdProbabilityAlive,
  fitBgNbd,
} from './bgnbd-model';
import { lgamma, logBeta } from './lgamma';
import {
  referenceConditionalExpectedPurchases,
  referenceExpectedPurchases,
  referencePAlive,
} from './testing/bgnbd-integrals';
import { mulberry32 } from './testing/random';
import { simulateBgNbdCustomer } from './testing/simulate';

const CDNOW_PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.abs(expected);

/** The likelihood exactly as printed in FHL (2005), eq. 6, in plain (non-log) arithmetic. */
function directLikelihood(
  { r, alpha, a, b }: BgNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  const beta = (u: number, v: number): number => Math.exp(logBeta(u, v));
  const gammaRatio = Math.exp(lgamma(r + x) - lgamma(r));
  const alive =
    (beta(a, b + x) / beta(a, b)) * ((gammaRatio * alpha ** r) / (alpha + T) ** (r + x));
  const dropped =
    x > 0
      ? (beta(a + 1, b + x - 1) / beta(a, b)) *
        ((gammaRatio * alpha ** r) / (alpha + tx) ** (r + x))
      : 0;
  return alive + dropped;
}

function simulate(
  seed: number,
  params: BgNbdParams,
  customers: number,
): { x: number[]; tx: number[]; T: number[] } {
  const uniform = mulberry32(seed);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < customers; i++) {
    // Customers acquired over a year, observed 52-104 weeks, ages in whole days.
    const c = simulateBgNbdCustomer(uniform, params, 52 + Math.floor(uniform() * 52 * 7) / 7);
    x.push(c.x);
    tx.push(c.tx);
    T.push(c.T);
  }
  return { x, tx, T };
}

describe('BG/NBD log-likelihood', () => {
  it('equals the textbook formula where plain arithmetic does not overflow', () => {
    for (const [x, tx, T] of [
      [0, 0, 38.86],
      [1, 1.71, 38.86],
      [2, 30.43, 38.86],
      [7, 29.43, 38.86],
      [26, 30.86, 31],
    ] as const) {
      const ll = bgnbdCustomerLogLikelihood(CDNOW_PUBLISHED, { x, tx, T });
      expect(ll).toBeCloseTo(Math.log(directLikelihood(CDNOW_PUBLISHED, x, tx, T)), 11);
    }
  });

  it('stays finite for heavy buyers where the textbook formula underflows', () => {
    const ll = bgnbdCustomerLogLikelihood(CDNOW_PUBLISHED, { x: 2000, tx: 150, T: 156 });
    expect(Number.isFinite(Math.log(directLikelihood(CDNOW_PUBLISHED, 2000, 150, 156)))).toBe(
      false,
    );
    expect(Number.isFinite(ll)).toBe(true);
  });

  it('gives the same total for grouped (weighted) and ungrouped data', () => {
    const data = simulate(7, CDNOW_PUBLISHED, 2000);
    const rounded = { x: data.x, tx: data.tx.map((t) => Math.round(t * 7) / 7), T: data.T };
    const rows = groupBgNbdData(rounded);
    expect(rows.length).toBeLessThan(2000);
    const grouped = {
      x: rows.map((row) => row.x),
      tx: rows.map((row) => row.tx),
      T: rows.map((row) => row.T),
      weights: rows.map((row) => row.weight),
    };
    expect(bgnbdLogLikelihood(CDNOW_PUBLISHED, grouped)).toBeCloseTo(
      bgnbdLogLikelihood(CDNOW_PUBLISHED, rounded),
      7,
    );
  });

  it('rejects inconsistent data', () => {
    expect(() => groupBgNbdData({ x: [1], tx: [5], T: [4] })).toThrow(RangeError);
    expect(() => groupBgNbdData({ x: [1.5], tx: [1], T: [4] })).toThrow(RangeError);
    expect(() => groupBgNbdData({ x: [1, 2], tx: [1], T: [4, 4] })).toThrow(RangeError);
    expect(() =>
      bgnbdLogLikelihood({ ...CDNOW_PUBLISHED, a: -1 }, { x: [0], tx: [0], T: [1] }),
    ).toThrow(RangeError);
  });
});

describe('BG/NBD fit on synthetic data', () => {
  it('recovers known parameters from 20,000 simulated customers', () => {
    const truth: BgNbdParams = { r: 0.75, alpha: 5, a: 0.8, b: 3 };
    const data = simulate(2024, truth, 20_000);
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(20_000);
    // Tolerances from the spread over 10 seeds (worst: r 2 %, α 2.5 %, a 6 %, b 7 %).
    expect(relativeError(fit.params.r, truth.r)).toBeLessThan(0.05);
    expect(relativeError(fit.params.alpha, truth.alpha)).toBeLessThan(0.05);
    expect(relativeError(fit.params.a, truth.a)).toBeLessThan(0.15);
    expect(relativeError(fit.params.b, truth.b)).toBeLessThan(0.15);
    // It is a maximum: at least as likely as the truth and as small perturbations of the fit.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdLogLikelihood(truth, data));
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      for (const factor of [0.999, 1.001]) {
        const nudged = { ...fit.params, [key]: fit.params[key] * factor };
        expect(bgnbdLogLikelihood(nudged, data)).toBeLessThanOrEqual(fit.logLikelihood);
      }
    }
  });

  it('fits a million customers by grouping identical (x, tx, T) rows', () => {
    const sample = simulate(99, CDNOW_PUBLISHED, 5000);
    // Day-granular recency, as produced by summarizeCustomers.
    const base = { x: sample.x, tx: sample.tx.map((t) => Math.round(t * 7) / 7), T: sample.T };
    const copies = 200;
    const million = { x: [] as number[], tx: [] as number[], T: [] as number[] };
    for (let c = 0; c < copies; c++) {
      million.x.push(...base.x);
      million.tx.push(...base.tx);
      million.T.push(...base.T);
    }
    const started = Date.now();
    const fit = fitBgNbd(million);
    const elapsed = Date.now() - started;
    const reference = fitBgNbd(base);
    expect(fit.customers).toBe(1_000_000);
    expect(fit.params.r).toBeCloseTo(reference.params.r, 5);
    expect(fit.params.alpha).toBeCloseTo(reference.params.alpha, 4);
    expect(fit.params.a).toBeCloseTo(reference.params.a, 4);
    expect(fit.params.b).toBeCloseTo(reference.params.b, 4);
    expect(fit.logLikelihood).toBeCloseTo(copies * reference.logLikelihood, 2);
    const weighted = fitBgNbd({ ...base, weights: base.x.map(() => copies) });
    expect(weighted.params).toEqual(fit.params);
    console.log(`BG/NBD fit over 1,000,000 rows (grouping included): ${elapsed} ms`);
  });
});

describe('BG/NBD predictions', () => {
  const customers = [
    { x: 0, tx: 0, T: 38.86 },
    { x: 1, tx: 1.71, T: 38.86 },
    { x: 2, tx: 30.43, T: 38.86 },
    { x: 7, tx: 29.43, T: 38.86 },
    { x: 26, tx: 30.86, T: 31 },
    { x: 60, tx: 70, T: 78 },
  ];

  it('P(alive) agrees with numerical integration over the posterior', () => {
    for (const customer of customers) {
      expect(
        relativeError(
          bgnbdProbabilityAlive(CDNOW_PUBLISHED, customer),
          referencePAlive(CDNOW_PUBLISHED, customer),
        ),
      ).toBeLessThan(1e-10);
    }
    expect(bgnbdProbabilityAlive(CDNOW_PUBLISHED, { x: 0, tx: 0, T: 100 })).toBe(1);
  });

  it('E[Y(t) | x, tx, T] agrees with numerical integration over the posterior', () => {
    for (const customer of customers) {
      for (const t of [1, 39, 52, 520]) {
        const value = bgnbdConditionalExpectedPurchases(CDNOW_PUBLISHED, customer, t);
        const reference = referenceConditionalExpectedPurchases(CDNOW_PUBLISHED, customer, t);
        expect(relativeError(value, reference)).toBeLessThan(1e-9);
      }
    }
  });

  it('E[X(t)] agrees with numerical integration and starts at 0', () => {
    for (const t of [0.5, 1, 39, 78, 520, 5200]) {
      expect(
        relativeError(
          bgnbdExpectedPurchases(CDNOW_PUBLISHED, t),
          referenceExpectedPurchases(CDNOW_PUBLISHED, t),
        ),
      ).toBeLessThan(1e-9);
    }
    expect(bgnbdExpectedPurchases(CDNOW_PUBLISHED, 0)).toBe(0);
  });

  it('is continuous through a = 1, where the closed form is 0/0', () => {
    const customer = { x: 3, tx: 20, T: 30 };
    const at = (a: number): number =>
      bgnbdConditionalExpectedPurchases({ ...CDNOW_PUBLISHED, a }, customer, 52);
    expect(at(1)).toBeCloseTo((at(1 - 1e-4) + at(1 + 1e-4)) / 2, 6);
    expect(
      relativeError(
        at(1),
        referenceConditionalExpectedPurchases({ ...CDNOW_PUBLISHED, a: 1 }, customer, 52),
      ),
    ).toBeLessThan(1e-8);
    expect(
      relativeError(
        bgnbdExpectedPurchases({ ...CDNOW_PUBLISHED, a: 1 }, 52),
        referenceExpectedPurchases({ ...CDNOW_PUBLISHED, a: 1 }, 52),
      ),
    ).toBeLessThan(1e-8);
  });

  it('handles very heavy buyers without overflow', () => {
    // ~48 purchases a week for two years, the last one hours before the end.
    const active = { x: 5000, tx: 103.95, T: 104 };
    const value = bgnbdConditionalExpectedPurchases(CDNOW_PUBLISHED, active, 52);
    expect(
      relativeError(value, referenceConditionalExpectedPurchases(CDNOW_PUBLISHED, active, 52)),
    ).toBeLessThan(1e-8);
    expect(value).toBeGreaterThan(1000);
    expect(value).toBeLessThan(52 * 50);
    // The same customer silent for 94 weeks is gone.
    const silent = { x: 5000, tx: 10, T: 104 };
    expect(bgnbdProbabilityAlive(CDNOW_PUBLISHED, silent)).toBe(0);
    expect(bgnbdConditionalExpectedPurchases(CDNOW_PUBLISHED, silent, 52)).toBe(0);
  });

  it('is increasing in t and zero at t = 0', () => {
    const customer = { x: 2, tx: 30.43, T: 38.86 };
    expect(bgnbdConditionalExpectedPurchases(CDNOW_PUBLISHED, customer, 0)).toBe(0);
    let previous = 0;
    for (let t = 1; t <= 200; t += 7) {
      const value = bgnbdConditionalExpectedPurchases(CDNOW_PUBLISHED, customer, t);
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
  });
});
