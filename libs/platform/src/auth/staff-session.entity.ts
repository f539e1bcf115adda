import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUserEntity } from './staff-user.entity';

/** A console sign-in. Only a hash of the cookie's token is kept. */
@Entity({ name: 'staff_sessions' })
export class StaffSessionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_staff_sessions' })
  id!: string;

  @Index('ix_staff_sessions_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** Deleting a user ends their sessions with them. */
  @ManyToOne(() => StaffUserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_staff_sessions_user' })
  user?: StaffUserEntity;

  /** SHA-256 of the 256-bit random token in the cookie. */
  @Index('uq_staff_sessions_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  /** Sent back in X-CSRF-Token on cookie-authenticated writes; useless without the cookie. */
  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Moved forward on use (at most once a minute); the idle timeout counts from here. */
  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  /** The absolute end of the session, however active it is. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
