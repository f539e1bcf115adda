import { DataSource } from 'typeorm';
import {
  CreditPointsUseCase,
  DebitPointsUseCase,
  LedgerAuditQuery,
  ReversePointsUseCase,
} from '@vafa/ledger';
import type { TestApp } from './test-app';

let keys = 0;
export const nextKey = (label = 'k'): string => `${label}-${process.pid}-${++keys}-${Date.now()}`;

/** Direct access to the ledger's use cases in a test app. */
export function ledgerOf(t: TestApp) {
  const credit = t.app.get(CreditPointsUseCase);
  const debit = t.app.get(DebitPointsUseCase);
  const reverse = t.app.get(ReversePointsUseCase);
  const dataSource = t.app.get(DataSource);
  return {
    dataSource,
    credit: (
      memberId: string,
      points: number,
      extra: Partial<Parameters<CreditPointsUseCase['execute']>[0]> = {},
    ) =>
      credit.execute({
        memberId,
        points,
        kind: 'earn',
        source: 'program:issued',
        expiresAt: null,
        idempotencyKey: nextKey('credit'),
        description: `Earned ${points} points`,
        ...extra,
      }),
    debit: (memberId: string, points: number, key = nextKey('debit')) =>
      debit.execute({
        memberId,
        points,
        kind: 'redeem',
        sink: 'program:redeemed',
        idempotencyKey: key,
        description: `Spent ${points} points`,
      }),
    reverse: (memberId: string, transactionId: string, points?: number) =>
      reverse.execute({
        memberId,
        transactionId,
        points,
        idempotencyKey: nextKey('reverse'),
        description: 'Returned',
      }),
    balances: async (memberId: string) => {
      const rows = await dataSource.query(
        'SELECT available, pending FROM ledger_accounts WHERE member_id = $1',
        [memberId],
      );
      return { available: Number(rows[0]?.available ?? 0), pending: Number(rows[0]?.pending ?? 0) };
    },
    lots: async (
      memberId: string,
    ): Promise<{ transaction_id: string; amount: number; remaining: number; state: string }[]> =>
      (
        await dataSource.query<Record<string, unknown>[]>(
          'SELECT transaction_id, amount, remaining, state, expires_at FROM ledger_lots WHERE member_id = $1 ORDER BY created_at',
          [memberId],
        )
      ).map((l) => ({
        transaction_id: String(l.transaction_id),
        state: String(l.state),
        amount: Number(l.amount),
        remaining: Number(l.remaining),
      })),
    audit: () => t.app.get(LedgerAuditQuery).audit(),
  };
}
