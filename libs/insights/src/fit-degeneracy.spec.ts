import { fitBgNbd } from './bgnbd-model';
import { summarizeCustomers } from './customer-summary';
import {
  bgnbdDegeneracy,
  findDegeneracy,
  gammaGammaDegeneracy,
  MIN_CURVATURE,
  SHAPE_BOUNDS,
} from './fit-degeneracy';
import { fitGammaGamma } from './gamma-gamma-model';
import { bgnbdDataFromSummaries, gammaGammaDataFromSummaries } from './model-data';
import { mulberry32, sampleGamma } from './testing/random';
import { smallShopTransactions } from './testing/small-shop';

const AS_OF = new Date('2025-01-01T00:00:00Z');

/** Regular customers who never leave: weekly-ish purchases up to the end, none drops out. */
function loyalRegulars(customers: number): { x: number[]; tx: number[]; T: number[] } {
  const uniform = mulberry32(7);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < customers; i++) {
    const age = 20 + uniform() * 30;
    const rate = sampleGamma(uniform, 4, 8);
    const purchases = Math.max(1, Math.round(rate * age));
    x.push(purchases);
    tx.push(age - uniform() * 0.5);
    T.push(age);
  }
  return { x, tx, T };
}

describe('findDegeneracy', () => {
  const bowl = (center: number[]) => (values: readonly number[]) =>
    -values.reduce((sum, v, i) => sum + (Math.log(v) - (center[i] ?? 0)) ** 2, 0);

  it('passes an interior maximum with curvature in every direction', () => {
    expect(
      findDegeneracy(
        [
          ['r', 2],
          ['alpha', 9],
        ],
        ['r'],
        bowl([Math.log(2), Math.log(9)]),
      ),
    ).toBeNull();
  });

  it('flags parameters that are not finite, and a log-likelihood that is not', () => {
    expect(findDegeneracy([['p', NaN]], ['p'], () => 0)).toMatchObject({
      parameter: 'p',
      reason: 'non_finite',
    });
    expect(findDegeneracy([['p', 0]], ['p'], () => 0)).toMatchObject({ reason: 'non_finite' });
    expect(findDegeneracy([['p', 1]], ['p'], () => -Infinity)).toMatchObject({
      parameter: 'logLikelihood',
      reason: 'non_finite',
    });
  });

  it('flags the reported fit: a = 1.7e-13 and q = 1.77e7 are at their bounds', () => {
    const flat = (): number => -100;
    expect(
      findDegeneracy(
        [
          ['r', 0.5],
          ['alpha', 4],
          ['a', 1.7e-13],
          ['b', 3],
        ],
        ['r', 'a', 'b'],
        flat,
      ),
    ).toEqual({ parameter: 'a', value: 1.7e-13, reason: 'at_bound' });
    expect(
      findDegeneracy(
        [
          ['p', 5],
          ['q', 1.77e7],
          ['gamma', 9e9],
        ],
        ['p', 'q'],
        flat,
      ),
    ).toEqual({ parameter: 'q', value: 1.77e7, reason: 'at_bound' });
    expect(SHAPE_BOUNDS.min).toBeGreaterThan(1.7e-13);
    expect(SHAPE_BOUNDS.max).toBeLessThan(1.77e7);
  });

  it('flags a likelihood flat along a ridge: only the product of two parameters is known', () => {
    // log L depends on log(p) + log(gamma) alone: the Hessian is singular.
    const ridge = ([p = 1, , gamma = 1]: readonly number[]): number =>
      -((Math.log(p * gamma) - 2) ** 2);
    expect(
      findDegeneracy(
        [
          ['p', 3],
          ['q', 4],
          ['gamma', Math.exp(2) / 3],
        ],
        ['p', 'q'],
        (v) => ridge(v) - (Math.log(v[1] ?? 1) - Math.log(4)) ** 2,
      ),
    ).toMatchObject({ reason: 'flat_likelihood', parameter: 'gamma' });
  });

  it('flags curvature that is positive but below MIN_CURVATURE', () => {
    const shallow = ([v = 1]: readonly number[]): number => -(MIN_CURVATURE / 4) * Math.log(v) ** 2;
    expect(findDegeneracy([['alpha', 1]], [], shallow)).toMatchObject({
      reason: 'flat_likelihood',
    });
    const steep = ([v = 1]: readonly number[]): number => -(MIN_CURVATURE * 4) * Math.log(v) ** 2;
    expect(findDegeneracy([['alpha', 1]], [], steep)).toBeNull();
  });
});

describe('degenerate fits of real models', () => {
  it('BG/NBD on customers who never drop out: a → 0 is flagged', () => {
    const data = loyalRegulars(60);
    const fit = fitBgNbd(data);
    expect(fit.params.a).toBeLessThan(SHAPE_BOUNDS.min);
    expect(bgnbdDegeneracy(fit, data)).toMatchObject({ parameter: 'a', reason: 'at_bound' });
  });

  it('Gamma-Gamma where every customer spends the same: q → ∞ is flagged', () => {
    const data = { x: [1, 2, 3, 1, 2, 4, 2, 1, 3, 2, 1, 5], mx: [] as number[] };
    data.mx = data.x.map((_, i) => 3000 + (i % 3) * 0.001);
    const fit = fitGammaGamma(data);
    const found = gammaGammaDegeneracy(fit, data);
    expect(found).not.toBeNull();
    expect(found?.reason).toBe('at_bound');
  });

  it('small synthetic shops: degenerate fits are flagged, the rest have curvature and sane shapes', () => {
    const outcomes: string[] = [];
    const outOfBounds: string[] = [];
    for (const members of [30, 100, 300]) {
      const summaries = summarizeCustomers(
        smallShopTransactions({ members, seed: 1, asOf: AS_OF }),
        AS_OF,
      );
      const bgnbdData = bgnbdDataFromSummaries(summaries);
      const spendData = gammaGammaDataFromSummaries(summaries);
      const bgnbd = fitBgNbd(bgnbdData);
      const spend = fitGammaGamma(spendData);
      const found = bgnbdDegeneracy(bgnbd, bgnbdData) ?? gammaGammaDegeneracy(spend, spendData);
      outcomes.push(found ? `${members}: ${found.parameter} ${found.reason}` : `${members}: ok`);
      // A fit that is not flagged must have every shape inside the bounds.
      const { r, a, b } = bgnbd.params;
      const shapes: Record<string, number> = found
        ? {}
        : { r, a, b, p: spend.params.p, q: spend.params.q };
      outOfBounds.push(
        ...Object.entries(shapes)
          .filter(([, v]) => !(v > SHAPE_BOUNDS.min && v < SHAPE_BOUNDS.max))
          .map(([name, v]) => `${members}: ${name} = ${v}`),
      );
    }
    // With 30 and 100 members the spends cannot tell variation within a customer from variation
    // between customers, and p runs off to infinity; 300 members pin every parameter down.
    expect(outcomes).toEqual(['30: p at_bound', '100: p at_bound', '300: ok']);
    expect(outOfBounds).toEqual([]);
  });
});
