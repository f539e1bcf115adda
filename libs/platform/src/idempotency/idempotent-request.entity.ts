import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

const PK = 'pk_idempotent_requests';

/**
 * The first response to each (member, scope, Idempotency-Key), written in the same transaction
 * as the work; kept with the member's rows.
 */
@Entity({ name: 'idempotent_requests' })
export class IdempotentRequestEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid', primaryKeyConstraintName: PK })
  memberId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: PK })
  scope!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: PK })
  key!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
