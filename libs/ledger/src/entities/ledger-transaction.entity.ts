import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';

/** One movement of a member's points; append-only (a database trigger refuses UPDATE and DELETE). */
@Entity({ name: 'ledger_transactions' })
@Unique('uq_ledger_transactions_idempotency', ['memberId', 'idempotencyKey'])
// TypeORM compares index columns in sorted order: keep them sorted so its diff stays quiet.
@Index('ix_ledger_transactions_activity', ['memberId', 'occurredAt'])
@Index('ix_ledger_transactions_reverses', ['memberId', 'reversesId'], {
  where: 'reverses_id IS NOT NULL',
})
export class LedgerTransactionEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** earn, redeem, adjust, reverse, expire, release, referral, campaign, ... */
  @Column({ type: 'text' })
  kind!: string;

  /** The net change to the member: positive credits, negative debits. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  points!: number;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'reverses_id', type: 'uuid', nullable: true })
  reversesId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'jsonb', nullable: true })
  reference!: Record<string, unknown> | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
