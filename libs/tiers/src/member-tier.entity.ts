import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A member's current tier; members without a row are in the lowest tier. */
@Entity({ name: 'member_tiers' })
export class MemberTierEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'tier_code', type: 'text' })
  tierCode!: string;

  @Column({ name: 'achieved_at', type: 'timestamptz' })
  achievedAt!: Date;

  /** When the member first stopped qualifying for this tier (the grace period runs from here). */
  @Column({ name: 'below_since', type: 'timestamptz', nullable: true })
  belowSince!: Date | null;

  /** A manual assignment: the nightly job does not move the member down before this. */
  @Column({ name: 'held_until', type: 'timestamptz', nullable: true })
  heldUntil!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
