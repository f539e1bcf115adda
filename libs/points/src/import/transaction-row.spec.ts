import { ImportFileError, importedOrderId, TransactionRowReader } from './transaction-row';

const NOW = new Date('2025-01-01T00:00:00Z');
const HEADER = ['member_external_id', 'occurred_at', 'amount', 'order_id', 'channel'];

describe('TransactionRowReader', () => {
  const rowsOf = (records: string[][]) => {
    const reader = new TransactionRowReader(HEADER, NOW);
    return records.map((r, i) => reader.read(r, i + 2));
  };

  it('gives rows without an order id the same deterministic ids on every run', () => {
    const records = [
      ['c1', '2024-01-05', '1250', '', ''],
      ['c1', '2024-01-05T00:00:00Z', '1250', '', 'store'], // the same triple again: a second purchase
      ['c1', '2024-01-05', '1251', '', ''],
      ['c2', '2024-01-05', '1250', 'given-1', 'app'],
    ];
    const first = rowsOf(records);
    const second = rowsOf(records);
    const ids = first.map((r) => (r.ok ? r.row.orderId : null));
    expect(ids).toEqual(second.map((r) => (r.ok ? r.row.orderId : null)));
    expect(new Set(ids).size).toBe(4);
    expect(ids.slice(0, 3)).toEqual([
      'imp-c1/2024-01-05T00:00:00.000Z/1250/1',
      'imp-c1/2024-01-05T00:00:00.000Z/1250/2',
      'imp-c1/2024-01-05T00:00:00.000Z/1251/1',
    ]);
    expect(ids[3]).toBe('given-1');
    expect(first[0]).toMatchObject({ ok: true, row: { channel: 'online', amount: 1250, line: 2 } });
    expect(first[1]).toMatchObject({ ok: true, row: { channel: 'store' } });
  });

  it('falls back to a hash for ids that would be longer than order ids may be', () => {
    const long = importedOrderId(`${'m'.repeat(180)}/2024-01-05T00:00:00.000Z/1250`, 1);
    expect(long).toMatch(/^imp-[0-9a-f]{40}$/);
    expect(importedOrderId(`${'m'.repeat(180)}/2024-01-05T00:00:00.000Z/1250`, 2)).not.toBe(long);
    const [row] = rowsOf([['m'.repeat(200), '2024-01-05', '1', '', '']]);
    expect(row).toMatchObject({
      ok: true,
      row: { orderId: expect.stringMatching(/^imp-[0-9a-f]{40}$/) },
    });
  });

  it('explains what is wrong with a row', () => {
    const problems = rowsOf([
      ['', '2024-01-05', '1', '', ''],
      ['c', 'yesterday', '1', '', ''],
      ['c', '2030-01-01', '1', '', ''],
      ['c', '2024-01-05', '1.5', '', ''],
      ['c', '2024-01-05', '-1', '', ''],
      ['c', '2024-01-05', '99999999999999999999', '', ''],
      ['c', '2024-01-05', '1', '', 'mail'],
      ['c', '2024-01-05', '1', 'x'.repeat(201), ''],
    ]).map((r) => (r.ok ? 'ok' : r.problem));
    expect(problems).toEqual([
      'member_external_id is empty',
      'occurred_at must be an ISO date or date-time, got "yesterday"',
      'occurred_at 2030-01-01 is in the future',
      'amount must be a whole number of minor units >= 0, got "1.5"',
      'amount must be a whole number of minor units >= 0, got "-1"',
      'amount must be a whole number of minor units >= 0, got "99999999999999999999"',
      'channel must be one of store, online, app, got "mail"',
      'order_id is longer than 200 characters',
    ]);
  });

  it('needs the required columns, in any order and case', () => {
    expect(
      () => new TransactionRowReader(['Amount', 'OCCURRED_AT', 'member_external_id'], NOW),
    ).not.toThrow();
    expect(() => new TransactionRowReader(['customer', 'date', 'amount'], NOW)).toThrow(
      ImportFileError,
    );
  });
});
