import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';

@Entity({ name: 'order_returns' })
export class OrderReturnEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'order_uuid', type: 'uuid' })
  orderUuid!: string;

  @Column({ type: 'jsonb' })
  lines!: { sku: string; quantity: number }[];

  @Column({ name: 'points_reversed', type: 'bigint', transformer: bigintAsNumber })
  pointsReversed!: number;

  @Column({ name: 'points_refunded', type: 'bigint', transformer: bigintAsNumber })
  pointsRefunded!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
