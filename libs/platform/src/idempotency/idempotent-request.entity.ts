import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first response to each (scope, Idempotency-Key), written in the same transaction as the work. */
@Entity({ name: 'idempotent_requests' })
export class IdempotentRequestEntity {
  @PrimaryColumn({ type: 'text' })
  scope!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
