import type { EventRow } from '../events/event-envelope';
import { SEND_TIMEOUT_MS, type SendResult } from './webhook-sender';

/** How long a claimed delivery is a dispatcher's alone: the send's timeout and a margin. */
export const LEASE_SECONDS = SEND_TIMEOUT_MS / 1000 + 45;

/** A delivery leased to this dispatcher, with what it takes to post it. */
export interface ClaimedDelivery {
  id: string;
  attemptCount: number;
  /** The lease's end as {@link LEASE} wrote it (to the microsecond): proof the claim is still ours. */
  lease: string;
  endpointId: string;
  url: string;
  secretCiphertext: string;
  previousSecretCiphertext: string | null;
  previousSecretExpiresAt: Date | null;
  event: EventRow;
}

/** A claimed delivery's attempt, to be recorded. */
export interface CompletedAttempt {
  claim: ClaimedDelivery;
  /** When the POST began. */
  at: Date;
  result: SendResult;
}

/**
 * A delivery's lease (`d.locked_until`) as exact seconds since 1970, a numeric to the
 * microsecond. Not its text: a timestamp's text depends on the session (a stable function), and
 * Citus takes only immutable ones in the RETURNING of a write to a reference table.
 */
export const LEASE = `extract(epoch FROM d.locked_until - 'epoch'::timestamptz)`;

/** The columns a claim reads, after `d` (deliveries) and `w` (endpoints). */
export const CLAIM_COLUMNS = `d.id AS delivery_id, d.event_id, d.attempt_count,
  ${LEASE} AS lease, w.id AS endpoint_id, w.url, w.secret_ciphertext,
  w.previous_secret_ciphertext, w.previous_secret_expires_at`;

export interface ClaimRow {
  delivery_id: string;
  event_id: string;
  attempt_count: number;
  lease: string;
  endpoint_id: string;
  url: string;
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | null;
}

export const toClaimedDelivery = (r: ClaimRow, event: EventRow): ClaimedDelivery => ({
  id: r.delivery_id,
  attemptCount: r.attempt_count,
  lease: r.lease,
  endpointId: r.endpoint_id,
  url: r.url,
  secretCiphertext: r.secret_ciphertext,
  previousSecretCiphertext: r.previous_secret_ciphertext,
  previousSecretExpiresAt: r.previous_secret_expires_at,
  event,
});
