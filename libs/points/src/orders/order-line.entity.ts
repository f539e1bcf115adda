import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '@vafa/platform';

@Entity({ name: 'order_lines' })
@Index('ix_order_lines_returned', ['memberId', 'orderUuid'], { where: 'returned_quantity > 0' })
export class OrderLineEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ name: 'order_uuid', type: 'uuid' })
  orderUuid!: string;

  @PrimaryColumn({ name: 'line_no', type: 'int' })
  lineNo!: number;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ name: 'unit_price', type: 'bigint', transformer: bigintAsNumber })
  unitPrice!: number;

  /** What was paid for the line after order discounts. */
  @Column({ name: 'net_amount', type: 'bigint', transformer: bigintAsNumber })
  netAmount!: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  points!: number;

  @Column({ name: 'returned_quantity', type: 'int', default: 0 })
  returnedQuantity!: number;
}
