import type { Balance } from '../balance';
import type { LedgerEntry } from './ledger-entry';

/** What a ledger operation answers for the transaction it wrote (or found, when `replayed`). */
export const ledgerEntryOf = (
  tx: { id: string; kind: string; points: number; occurredAt: Date },
  memberId: string,
  balance: Balance,
  replayed: boolean,
  pendingPoints = 0,
): LedgerEntry => ({
  transactionId: tx.id,
  memberId,
  kind: tx.kind,
  points: tx.points,
  pendingPoints,
  occurredAt: tx.occurredAt.toISOString(),
  replayed,
  balance,
});
