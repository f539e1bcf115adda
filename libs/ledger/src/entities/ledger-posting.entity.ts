import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';

export const LEDGER_ACCOUNTS = [
  'member:available',
  'member:pending',
  'program:issued',
  'program:redeemed',
  'program:expired',
  'program:adjusted',
] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

/**
 * Double entry: the postings of a transaction sum to zero. Program accounts have no balance row
 * (that row would be locked by every checkout); their balances are sums of these postings.
 */
@Entity({ name: 'ledger_postings' })
export class LedgerPostingEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ name: 'transaction_id', type: 'uuid' })
  transactionId!: string;

  @PrimaryColumn({ type: 'text' })
  account!: LedgerAccount;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amount!: number;
}
