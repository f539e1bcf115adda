import { summarizeCustomers, type Transaction } from './customer-summary';

const at = (iso: string): Date => new Date(iso);

describe('summarizeCustomers', () => {
  const end = at('2024-03-31T00:00:00Z');

  it('merges same-UTC-day purchases and excludes the first day from monetary', () => {
    const transactions: Transaction[] = [
      { customerId: 'a', occurredAt: at('2024-01-01T09:00:00Z'), amount: 10 },
      { customerId: 'a', occurredAt: at('2024-01-01T23:59:59Z'), amount: 5 },
      { customerId: 'a', occurredAt: at('2024-01-15T00:00:00Z'), amount: 20 },
      { customerId: 'a', occurredAt: at('2024-01-15T12:00:00Z'), amount: 4 },
      { customerId: 'a', occurredAt: at('2024-01-29T08:00:00Z'), amount: 30 },
    ];
    const [summary] = summarizeCustomers(transactions, end);
    expect(summary).toEqual({
      customerId: 'a',
      frequency: 2,
      recency: 4,
      T: 90 / 7,
      monetary: (24 + 30) / 2,
      firstPurchaseAt: at('2024-01-01T09:00:00Z'),
      lastPurchaseAt: at('2024-01-29T08:00:00Z'),
      totalSpend: 69,
      purchaseDays: 3,
    });
  });

  it('uses the UTC day, not the local one', () => {
    // 23:30 and 00:30 UTC are different UTC days even where they fall on the same local day.
    const [summary] = summarizeCustomers(
      [
        { customerId: 'b', occurredAt: at('2024-02-01T23:30:00Z'), amount: 1 },
        { customerId: 'b', occurredAt: at('2024-02-02T00:30:00Z'), amount: 2 },
      ],
      end,
    );
    expect(summary?.frequency).toBe(1);
    expect(summary?.recency).toBeCloseTo(1 / 7, 15);
  });

  it('ignores transactions after the observation end and customers with none before it', () => {
    const summaries = summarizeCustomers(
      [
        { customerId: 'c', occurredAt: at('2024-03-30T10:00:00Z'), amount: 7 },
        { customerId: 'c', occurredAt: at('2024-04-02T10:00:00Z'), amount: 100 },
        { customerId: 'd', occurredAt: at('2024-04-01T10:00:00Z'), amount: 100 },
      ],
      end,
    );
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({
      customerId: 'c',
      frequency: 0,
      recency: 0,
      T: 1 / 7,
      monetary: 0,
      totalSpend: 7,
    });
  });

  it('does not depend on input order, and orders customers by first appearance', () => {
    const transactions: Transaction[] = [
      { customerId: 'y', occurredAt: at('2024-01-10T00:00:00Z'), amount: 3 },
      { customerId: 'x', occurredAt: at('2024-01-05T00:00:00Z'), amount: 1 },
      { customerId: 'y', occurredAt: at('2024-01-02T00:00:00Z'), amount: 2 },
    ];
    const forward = summarizeCustomers(transactions, end);
    const backward = summarizeCustomers([...transactions].reverse(), end);
    expect(forward.map((s) => s.customerId)).toEqual(['y', 'x']);
    expect([...backward].sort((u, v) => u.customerId.localeCompare(v.customerId))).toEqual(
      [...forward].sort((u, v) => u.customerId.localeCompare(v.customerId)),
    );
    expect(forward[0]).toMatchObject({
      frequency: 1,
      recency: 8 / 7,
      monetary: 3,
      firstPurchaseAt: at('2024-01-02T00:00:00Z'),
    });
  });

  it('rejects invalid dates and amounts', () => {
    expect(() => summarizeCustomers([], new Date(NaN))).toThrow(RangeError);
    expect(() =>
      summarizeCustomers([{ customerId: 'e', occurredAt: new Date(NaN), amount: 1 }], end),
    ).toThrow(RangeError);
    expect(() =>
      summarizeCustomers([{ customerId: 'e', occurredAt: end, amount: NaN }], end),
    ).toThrow(RangeError);
  });
});
