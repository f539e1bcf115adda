import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';

/** Which lots a transaction took points from (negative amounts give them back); append-only. */
@Entity({ name: 'ledger_lot_consumptions' })
export class LedgerLotConsumptionEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ name: 'transaction_id', type: 'uuid' })
  transactionId!: string;

  @PrimaryColumn({ name: 'lot_id', type: 'uuid' })
  lotId!: string;

  /** 0 for the transaction's own movement, 1 for paying a debt out of what it made available. */
  @PrimaryColumn({ type: 'smallint', default: 0 })
  step!: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amount!: number;
}
