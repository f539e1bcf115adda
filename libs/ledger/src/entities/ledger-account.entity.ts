import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';

/**
 * A member's points balances. Changed only by the ledger's conditional updates, in the same
 * transaction as the postings they summarise; `available` is negative only as a visible debt.
 */
@Entity({ name: 'ledger_accounts' })
@Check('ck_ledger_accounts_pending', 'pending >= 0')
export class LedgerAccountEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  available!: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  pending!: number;

  @Column({ name: 'lifetime_earned', type: 'bigint', default: 0, transformer: bigintAsNumber })
  lifetimeEarned!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
