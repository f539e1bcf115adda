import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffRole } from './principal';

/** A person who signs in to the console; the same roles and store rule as API keys. */
@Entity({ name: 'staff_users' })
export class StaffUserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_staff_users' })
  id!: string;

  /** Stored trimmed and lower-cased, so uniqueness holds whatever case it was typed in. */
  @Index('uq_staff_users_email', { unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: StaffRole;

  @Column({ name: 'store_id', type: 'text', nullable: true })
  storeId!: string | null;

  /** argon2id in PHC form: the parameters and salt travel with the hash. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;
}
