export interface Transaction {
  customerId: string;
  occurredAt: Date;
  amount: number;
}

export interface CustomerSummary {
  customerId: string;
  /** Repeat purchases: distinct purchase days - 1. */
  frequency: number;
  /** Weeks from the first to the last purchase day. */
  recency: number;
  /** Weeks from the first purchase day to the observation end's day. */
  T: number;
  /** Mean of the repeat purchase days' amounts (first day excluded); 0 when frequency is 0. */
  monetary: number;
  /** Timestamps of the earliest and latest counted transactions. */
  firstPurchaseAt: Date;
  lastPurchaseAt: Date;
  /** All counted amounts, the first day's included. */
  totalSpend: number;
  purchaseDays: number;
}

const MS_PER_DAY = 86_400_000;

function utcDay(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

interface Accumulator {
  customerId: string;
  amountByDay: Map<number, number>;
  first: Date;
  last: Date;
  totalSpend: number;
}

/**
 * Per-customer frequency/recency/T/monetary summary (the BTYD convention): purchases on the same
 * UTC calendar day are merged into one with their amounts summed, and only transactions at or
 * before observationEnd count. Customers appear in order of their first transaction in the input.
 */
export function summarizeCustomers(
  transactions: Iterable<Transaction>,
  observationEnd: Date,
): CustomerSummary[] {
  const endTime = observationEnd.getTime();
  if (!Number.isFinite(endTime)) {
    throw new RangeError('summarizeCustomers: observationEnd is not a valid date');
  }
  const endDay = utcDay(observationEnd);

  const customers = new Map<string, Accumulator>();
  for (const { customerId, occurredAt, amount } of transactions) {
    const time = occurredAt.getTime();
    if (!Number.isFinite(time)) {
      throw new RangeError(`summarizeCustomers: invalid occurredAt for customer ${customerId}`);
    }
    if (!Number.isFinite(amount)) {
      throw new RangeError(`summarizeCustomers: invalid amount for customer ${customerId}`);
    }
    if (time > endTime) {
      continue;
    }
    let acc = customers.get(customerId);
    if (!acc) {
      acc = {
        customerId,
        amountByDay: new Map(),
        first: occurredAt,
        last: occurredAt,
        totalSpend: 0,
      };
      customers.set(customerId, acc);
    }
    const day = utcDay(occurredAt);
    acc.amountByDay.set(day, (acc.amountByDay.get(day) ?? 0) + amount);
    if (time < acc.first.getTime()) {
      acc.first = occurredAt;
    }
    if (time > acc.last.getTime()) {
      acc.last = occurredAt;
    }
    acc.totalSpend += amount;
  }

  const summaries: CustomerSummary[] = [];
  for (const acc of customers.values()) {
    let firstDay = Infinity;
    let lastDay = -Infinity;
    for (const day of acc.amountByDay.keys()) {
      if (day < firstDay) {
        firstDay = day;
      }
      if (day > lastDay) {
        lastDay = day;
      }
    }
    let repeatSpend = 0;
    for (const [day, amount] of acc.amountByDay) {
      if (day !== firstDay) {
        repeatSpend += amount;
      }
    }
    const purchaseDays = acc.amountByDay.size;
    const frequency = purchaseDays - 1;
    summaries.push({
      customerId: acc.customerId,
      frequency,
      recency: (lastDay - firstDay) / 7,
      T: (endDay - firstDay) / 7,
      monetary: frequency > 0 ? repeatSpend / frequency : 0,
      firstPurchaseAt: new Date(acc.first.getTime()),
      lastPurchaseAt: new Date(acc.last.getTime()),
      totalSpend: acc.totalSpend,
      purchaseDays,
    });
  }
  return summaries;
}
