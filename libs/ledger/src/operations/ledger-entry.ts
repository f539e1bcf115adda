import type { Balance } from '../balance';
import type { LedgerAccount } from '../entities/ledger-posting.entity';

export interface LedgerEntry {
  transactionId: string;
  memberId: string;
  kind: string;
  points: number;
  /** Of a credit: how much went to pending rather than available. */
  pendingPoints: number;
  occurredAt: string;
  /** True when an earlier call with the same idempotency key already did this. */
  replayed: boolean;
  balance: Balance;
}

export interface EntryContext {
  memberId: string;
  idempotencyKey: string;
  description: string;
  reason?: string;
  reference?: Record<string, unknown>;
  occurredAt?: Date;
}

export type Posting = [LedgerAccount, number];
