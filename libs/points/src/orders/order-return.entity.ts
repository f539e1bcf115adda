import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

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

  @Column({ name: 'points_reversed', type: 'bigint' })
  pointsReversed!: number;

  @Column({ name: 'points_refunded', type: 'bigint' })
  pointsRefunded!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
