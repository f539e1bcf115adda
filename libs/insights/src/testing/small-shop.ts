import type { BgNbdParams } from '../bgnbd-model';
import type { Transaction } from '../customer-summary';
import type { GammaGammaParams } from '../gamma-gamma-model';
import { mulberry32, sampleGamma } from './random';
import { simulateBgNbdCustomer } from './simulate';

const DAY = 86_400_000;

/** About six purchases a member over a year (in weeks), a fifth dropping out after each. */
export const SMALL_SHOP_BGNBD: BgNbdParams = { r: 2, alpha: 8, a: 1, b: 4 };
/** Spend per purchase with a mean p·γ/(q-1) of 30.00 (in minor units). */
export const SMALL_SHOP_SPEND: GammaGammaParams = { p: 6, q: 4, gamma: 1500 };

export interface SmallShopOptions {
  members: number;
  seed: number;
  /** The end of the history: members join on a random day of the `days` before it. */
  asOf: Date;
  days?: number;
}

/**
 * A small shop's purchase history, drawn from the BG/NBD and Gamma-Gamma stories with the
 * parameters above (deterministic for a seed): repeat purchases on distinct days after the first.
 */
export function smallShopTransactions(options: SmallShopOptions): Transaction[] {
  const uniform = mulberry32(options.seed);
  const days = options.days ?? 365;
  const end = options.asOf.getTime();
  const transactions: Transaction[] = [];
  for (let i = 0; i < options.members; i++) {
    const ageDays = 7 + Math.floor(uniform() * (days - 7));
    const first = end - ageDays * DAY;
    const { x, tx } = simulateBgNbdCustomer(uniform, SMALL_SHOP_BGNBD, ageDays / 7);
    const lastDay = Math.max(1, Math.min(ageDays - 1, Math.round(tx * 7)));
    const repeatDays = new Set<number>(x > 0 ? [lastDay] : []);
    while (repeatDays.size < Math.min(x, lastDay)) {
      repeatDays.add(1 + Math.floor(uniform() * lastDay));
    }
    const nu = sampleGamma(uniform, SMALL_SHOP_SPEND.q, SMALL_SHOP_SPEND.gamma);
    for (const day of [0, ...repeatDays]) {
      transactions.push({
        customerId: `shop-${options.seed}-${i}`,
        occurredAt: new Date(first + day * DAY + Math.floor(uniform() * 10) * 3_600_000),
        amount: Math.max(1, Math.round(sampleGamma(uniform, SMALL_SHOP_SPEND.p, nu))),
      });
    }
  }
  return transactions;
}
