import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const PK = 'pk_member_notifications';

/**
 * One notification a member was sent (its event is in the outbox), by what it was about: the
 * unique key makes each reminder, warning and greeting go out once, across runs, restarts and
 * instances. Rows older than a year are forgotten: no key can come due again by then.
 */
@Entity({ name: 'member_notifications' })
@Index('ix_member_notifications_created_at', ['createdAt'])
export class MemberNotificationEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid', primaryKeyConstraintName: PK })
  memberId!: string;

  /** The event type sent: `points.expiring_soon`, `tier.downgrade_warning`, `member.birthday`. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: PK })
  kind!: string;

  /** What it was about, e.g. `expiring:2027-01-31:7`, `downgrade:gold:2027-03-04`, `birthday:2027`. */
  @PrimaryColumn({ name: 'dedupe_key', type: 'text', primaryKeyConstraintName: PK })
  dedupeKey!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
