import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row of the outbox; EventOutbox writes it, the webhook dispatcher and GET /v1/events read it. */
@Entity({ name: 'events' })
@Index('ix_events_position', ['txId', 'id'])
@Index('ix_events_type_position', ['type', 'txId', 'id'])
@Index('ix_events_created_at', ['createdAt', 'id'])
export class EventEntity {
  /** The member the event is about, or PROGRAM_EVENT_MEMBER_ID: the key Citus distributes by. */
  @PrimaryColumn({ name: 'member_id', type: 'uuid', primaryKeyConstraintName: 'pk_events' })
  memberId!: string;

  /** A UUIDv7, made by EventOutbox. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_events' })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'member_seq', type: 'bigint', nullable: true })
  memberSeq!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** The writing transaction's id: lists never skip an event whose transaction commits late. */
  @Column({ name: 'tx_id', type: 'bigint' })
  txId!: string;
}

/** The last sequence number given to a member's events. */
@Entity({ name: 'member_event_sequences' })
export class MemberEventSequenceEntity {
  @PrimaryColumn({
    name: 'member_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_member_event_sequences',
  })
  memberId!: string;

  @Column({ name: 'last_seq', type: 'bigint' })
  lastSeq!: string;
}
