import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Each merchant order id once in the program, and whose order it is: the uniqueness `orders`
 * (kept with each member's rows) cannot hold. Written in the order's transaction; every
 * statement on it names the order id, the column it is spread by on a Citus cluster.
 */
@Entity({ name: 'order_ids' })
export class OrderIdEntity {
  @PrimaryColumn({ name: 'order_id', type: 'text', primaryKeyConstraintName: 'pk_order_ids' })
  orderId!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  /** `orders.id` of the order. */
  @Column({ name: 'order_uuid', type: 'uuid' })
  orderUuid!: string;
}
