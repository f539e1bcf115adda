import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const CHANNELS = ['store', 'online', 'app'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Its card number, referral code, email, phone and external id are unique: see member_identities. */
@Entity({ name: 'members' })
// Search indexes with operator classes TypeORM cannot describe; written by the migration.
@Index('ix_members_name_trgm', { synchronize: false })
@Index('ix_members_email_prefix', { synchronize: false })
@Index('ix_members_card_prefix', { synchronize: false })
// By birthday month and day (the notifications job), an expression index likewise.
@Index('ix_members_birthday', { synchronize: false })
export class MemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  /** Stored lower-cased, so identities compare case-insensitively. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** E.164 (`+989120001234`); members saved before that may hold digits without the '+'. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'card_number', type: 'text' })
  cardNumber!: string;

  @Column({ name: 'referral_code', type: 'text' })
  referralCode!: string;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ name: 'enrolled_channel', type: 'text', nullable: true })
  enrolledChannel!: Channel | null;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
