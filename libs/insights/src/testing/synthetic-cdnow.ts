import type { BgNbdParams } from '../bgnbd-model';
import type { GammaGammaParams } from '../gamma-gamma-model';
import { mulberry32, sampleBeta, sampleExponential, sampleGamma } from './random';

/**
 * The generating parameters of the synthetic CDNOW-format history: the published fits to the
 * CDNOW sample (FHL 2005; Fader & Hardie 2013), so the synthetic shop behaves like that one. Only
 * these six numbers come from the literature; every purchase is drawn here.
 */
export const SYNTHETIC_CDNOW_BGNBD: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
export const SYNTHETIC_CDNOW_SPEND: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
export const SYNTHETIC_CDNOW_SEED = 19_970_101;
export const SYNTHETIC_CDNOW_CUSTOMERS = 1_500;
/** Where the drawn history is kept (CDNOW_sample.txt's format), beside this file. */
export const SYNTHETIC_CDNOW_FILE = `${__dirname}/synthetic-cdnow-sample.txt`;

const DAY = 86_400_000;
const START = Date.UTC(1997, 0, 1);
/** Customers make their first purchase in the first twelve weeks, as CDNOW's cohort did. */
const COHORT_DAYS = 84;
/** The history ends on 1998-06-30, 39 weeks after the calibration end of 1997-09-30. */
const END = Date.UTC(1998, 5, 30);

const yyyymmdd = (time: number): string =>
  new Date(time).toISOString().slice(0, 10).replace(/-/g, '');

/**
 * A purchase history drawn from the BG/NBD and Gamma-Gamma stories, written as CDNOW_sample.txt
 * is (`master_id sample_id date(YYYYMMDD) cds dollars`, one purchase a line): each customer buys
 * at a Gamma(r, α) rate per week and may drop out after each repeat purchase with a Beta(a, b)
 * probability; each purchase costs Gamma(p, ν) dollars with the customer's ν ~ Gamma(q, γ).
 * Deterministic for a seed.
 */
export function syntheticCdnowSample(options: { customers?: number; seed?: number } = {}): string {
  const uniform = mulberry32(options.seed ?? SYNTHETIC_CDNOW_SEED);
  const bgnbd = SYNTHETIC_CDNOW_BGNBD;
  const spend = SYNTHETIC_CDNOW_SPEND;
  const lines: string[] = [];
  const customers = options.customers ?? SYNTHETIC_CDNOW_CUSTOMERS;
  for (let id = 1; id <= customers; id++) {
    const first = START + Math.floor(uniform() * COHORT_DAYS) * DAY;
    const lambda = sampleGamma(uniform, bgnbd.r, bgnbd.alpha);
    const dropout = sampleBeta(uniform, bgnbd.a, bgnbd.b);
    const nu = sampleGamma(uniform, spend.q, spend.gamma);
    const purchase = (time: number): void => {
      const dollars = Math.max(0.01, Math.round(sampleGamma(uniform, spend.p, nu) * 100) / 100);
      const cds = Math.max(1, Math.round(dollars / 15));
      lines.push(
        `${String(id * 7).padStart(6, '0')} ${String(id).padStart(4, '0')} ${yyyymmdd(time)} ` +
          `${String(cds).padStart(2)} ${dollars.toFixed(2).padStart(7)}`,
      );
    };
    purchase(first);
    let weeks = 0;
    for (;;) {
      weeks += sampleExponential(uniform, lambda);
      const at = first + Math.floor(weeks * 7) * DAY;
      if (at > END) {
        break;
      }
      purchase(at);
      if (uniform() < dropout) {
        break;
      }
    }
  }
  return lines.join('\n') + '\n';
}
