import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far the webhook fan-out has read the events, by their (tx_id, id) position: one row. The
 * events themselves are never written again, which keeps each event to a single INSERT.
 */
@Entity({ name: 'webhook_fan_out' })
export class WebhookFanOutEntity {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_webhook_fan_out' })
  id!: number;

  @Column({ name: 'last_tx_id', type: 'bigint' })
  lastTxId!: string;

  @Column({ name: 'last_event_id', type: 'uuid' })
  lastEventId!: string;
}
