import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';

export type LotState = 'pending' | 'available';

/** The points of one credit, spent soonest-expiry-first; `remaining` = amount - consumptions. */
@Entity({ name: 'ledger_lots' })
@Check('ck_ledger_lots_remaining', 'remaining >= 0 AND remaining <= amount AND amount > 0')
@Check('ck_ledger_lots_state', "state IN ('pending', 'available')")
@Index('ix_ledger_lots_credit', ['memberId', 'transactionId'])
@Index('ix_ledger_lots_pending_due', ['availableAt'], { where: "state = 'pending'" })
@Index('ix_ledger_lots_expiry_due', ['expiresAt'], {
  where: "state = 'available' AND remaining > 0",
})
@Index('ix_ledger_lots_spendable', ['memberId', 'expiresAt'], { where: 'remaining > 0' })
export class LedgerLotEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'transaction_id', type: 'uuid' })
  transactionId!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amount!: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  remaining!: number;

  @Column({ type: 'text' })
  state!: LotState;

  @Column({ name: 'available_at', type: 'timestamptz' })
  availableAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
