import type { BgNbdData } from './bgnbd-data';
import type { CustomerSummary } from './customer-summary';
import type { GammaGammaData } from './gamma-gamma-data';

/** (x, tx, T) arrays for the BG/NBD model from customer summaries. */
export function bgnbdDataFromSummaries(
  summaries: readonly Pick<CustomerSummary, 'frequency' | 'recency' | 'T'>[],
): BgNbdData {
  return {
    x: summaries.map((s) => s.frequency),
    tx: summaries.map((s) => s.recency),
    T: summaries.map((s) => s.T),
  };
}

/** (x, mx) arrays for the Gamma–Gamma model from customer summaries. */
export function gammaGammaDataFromSummaries(
  summaries: readonly Pick<CustomerSummary, 'frequency' | 'monetary'>[],
): GammaGammaData {
  return {
    x: summaries.map((s) => s.frequency),
    mx: summaries.map((s) => s.monetary),
  };
}
