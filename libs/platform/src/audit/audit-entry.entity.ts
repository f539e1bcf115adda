import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditActorKind } from './audit-actor';

/** One change to the configuration, written in the transaction that made it. Append-only. */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_at', ['at', 'id'])
@Index('ix_audit_log_resource', ['resourceType', 'resourceId', 'at', 'id'])
@Index('ix_audit_log_actor', ['actorId', 'at', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Kept to the millisecond, so the list orders by the column itself and its index serves. */
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: AuditActorKind;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'resource_type', type: 'text' })
  resourceType!: string;

  @Column({ name: 'resource_id', type: 'text' })
  resourceId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;
}
