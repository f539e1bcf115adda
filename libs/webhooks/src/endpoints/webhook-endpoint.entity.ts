import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DISABLED_REASONS = ['manual', 'gone', 'failing'] as const;
/** Why an endpoint is off: by staff, because it answered 410 Gone, or after 5 days of failure. */
export type DisabledReason = (typeof DISABLED_REASONS)[number];

/** A URL of the merchant's that gets the events it subscribes to, signed with its secret. */
@Entity({ name: 'webhook_endpoints' })
export class WebhookEndpointEntity {
  /** Made before the row, since each secret is encrypted bound to it. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_webhook_endpoints' })
  id!: string;

  @Column({ type: 'text' })
  url!: string;

  /** The event types sent; empty means all of them. */
  @Column({ name: 'event_types', type: 'text', array: true, default: () => "'{}'" })
  eventTypes!: string[];

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: DisabledReason | null;

  /** The signing secret, AES-256-GCM encrypted (see SecretCipher). */
  @Column({ name: 'secret_ciphertext', type: 'text' })
  secretCiphertext!: string;

  /** The secret before the last rotation, still signing beside the new one until it expires. */
  @Column({ name: 'previous_secret_ciphertext', type: 'text', nullable: true })
  previousSecretCiphertext!: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;

  /** When the current run of failed attempts began (by the Clock); null after a success. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
