import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface Discrepancy {
  kind:
    | 'account_balance'
    | 'lot_remaining'
    | 'lots_vs_balance'
    | 'unbalanced_transaction'
    | 'conservation';
  memberId?: string;
  lotId?: string;
  transactionId?: string;
  expected: Record<string, number>;
  actual: Record<string, number>;
}

export interface AuditReport {
  balanced: boolean;
  checkedAccounts: number;
  checkedLots: number;
  checkedTransactions: number;
  discrepancies: Discrepancy[];
}

const n = (v: unknown): number => Number(v ?? 0);

/** Recomputes every balance and lot from the append-only history and reports any difference. */
@Injectable()
export class LedgerAuditQuery {
  constructor(private readonly dataSource: DataSource) {}

  async audit(limit = 200): Promise<AuditReport> {
    const q = <T>(sql: string): Promise<T[]> => this.dataSource.query<T[]>(sql);
    const discrepancies: Discrepancy[] = [];

    type BalanceRow = {
      member_id: string;
      available: string;
      pending: string;
      p_available: string;
      p_pending: string;
    };
    for (const r of await q<BalanceRow>(`
      WITH p AS (
        SELECT member_id,
               sum(amount) FILTER (WHERE account = 'member:available') AS available,
               sum(amount) FILTER (WHERE account = 'member:pending') AS pending
        FROM ledger_postings GROUP BY member_id)
      SELECT coalesce(a.member_id, p.member_id) AS member_id, a.available, a.pending,
             coalesce(p.available, 0) AS p_available, coalesce(p.pending, 0) AS p_pending
      FROM ledger_accounts a FULL JOIN p ON p.member_id = a.member_id
      WHERE coalesce(a.available, 0) <> coalesce(p.available, 0) OR coalesce(a.pending, 0) <> coalesce(p.pending, 0)
      LIMIT ${limit}`)) {
      discrepancies.push({
        kind: 'account_balance',
        memberId: r.member_id,
        expected: { available: n(r.p_available), pending: n(r.p_pending) },
        actual: { available: n(r.available), pending: n(r.pending) },
      });
    }

    type LotRow = { member_id: string; id: string; remaining: string; expected: string };
    for (const r of await q<LotRow>(`
      SELECT l.member_id, l.id, l.remaining, l.amount - coalesce(c.used, 0) AS expected
      FROM ledger_lots l
      LEFT JOIN (SELECT member_id, lot_id, sum(amount) AS used FROM ledger_lot_consumptions GROUP BY member_id, lot_id) c
        ON c.member_id = l.member_id AND c.lot_id = l.id
      WHERE l.remaining <> l.amount - coalesce(c.used, 0) OR l.remaining < 0 OR l.remaining > l.amount
      LIMIT ${limit}`)) {
      discrepancies.push({
        kind: 'lot_remaining',
        memberId: r.member_id,
        lotId: r.id,
        expected: { remaining: n(r.expected) },
        actual: { remaining: n(r.remaining) },
      });
    }

    type LotSumRow = {
      member_id: string;
      available: string;
      pending: string;
      lots_available: string;
      lots_pending: string;
    };
    for (const r of await q<LotSumRow>(`
      WITH l AS (
        SELECT member_id,
               sum(remaining) FILTER (WHERE state = 'available') AS available,
               sum(remaining) FILTER (WHERE state = 'pending') AS pending
        FROM ledger_lots GROUP BY member_id)
      SELECT a.member_id, a.available, a.pending,
             coalesce(l.available, 0) AS lots_available, coalesce(l.pending, 0) AS lots_pending
      FROM ledger_accounts a LEFT JOIN l ON l.member_id = a.member_id
      WHERE greatest(a.available, 0) <> coalesce(l.available, 0) OR a.pending <> coalesce(l.pending, 0)
      LIMIT ${limit}`)) {
      discrepancies.push({
        kind: 'lots_vs_balance',
        memberId: r.member_id,
        expected: { available: n(r.lots_available), pending: n(r.lots_pending) },
        actual: { available: Math.max(n(r.available), 0), pending: n(r.pending) },
      });
    }

    type TxRow = { member_id: string; transaction_id: string; total: string };
    for (const r of await q<TxRow>(`
      SELECT member_id, transaction_id, sum(amount) AS total FROM ledger_postings
      GROUP BY member_id, transaction_id HAVING sum(amount) <> 0 LIMIT ${limit}`)) {
      discrepancies.push({
        kind: 'unbalanced_transaction',
        memberId: r.member_id,
        transactionId: r.transaction_id,
        expected: { sum: 0 },
        actual: { sum: n(r.total) },
      });
    }

    const [totals] = await q<{
      total: string;
      accounts: string;
      lots: string;
      transactions: string;
    }>(`
      SELECT (SELECT coalesce(sum(amount), 0) FROM ledger_postings) AS total,
             (SELECT count(*) FROM ledger_accounts) AS accounts,
             (SELECT count(*) FROM ledger_lots) AS lots,
             (SELECT count(*) FROM ledger_transactions) AS transactions`);
    if (n(totals?.total) !== 0) {
      discrepancies.push({
        kind: 'conservation',
        expected: { sum: 0 },
        actual: { sum: n(totals?.total) },
      });
    }
    return {
      balanced: discrepancies.length === 0,
      checkedAccounts: n(totals?.accounts),
      checkedLots: n(totals?.lots),
      checkedTransactions: n(totals?.transactions),
      discrepancies,
    };
  }
}
