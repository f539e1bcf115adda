import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditLog,
  Clock,
  EventOutbox,
  inTransaction,
  queryRows,
  SYSTEM_ACTOR,
  VafaConfig,
} from '@vafa/platform';
import { toWebhookEndpointDto } from '../endpoints/webhook-endpoints.service';
import { DisabledReason, WebhookEndpointEntity } from '../endpoints/webhook-endpoint.entity';
import { EVENT_ROW_COLUMNS, EventRow } from '../events/event-envelope';
import { nextRetryDelayMs } from './retry-schedule';
import { SEND_TIMEOUT_MS, SendResult } from './webhook-sender';

/** How long a claimed delivery is a dispatcher's alone: the send's timeout and a margin. */
const LEASE_SECONDS = SEND_TIMEOUT_MS / 1000 + 45;
/** An endpoint failing this long without one success is disabled. */
export const FAILING_DISABLES_AFTER_MS = 5 * 86_400_000;

export interface ClaimedDelivery {
  id: string;
  attemptCount: number;
  /** The lease's end as PostgreSQL wrote it (to the microsecond): proof the claim is still ours. */
  lease: string;
  endpointId: string;
  url: string;
  secretCiphertext: string;
  previousSecretCiphertext: string | null;
  previousSecretExpiresAt: Date | null;
  event: EventRow;
}

export type DeliveryOutcome = 'succeeded' | 'retrying' | 'failed';

interface ClaimRow extends EventRow {
  delivery_id: string;
  attempt_count: number;
  lease: string;
  endpoint_id: string;
  url: string;
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | null;
}

/** Leases due deliveries to this dispatcher and records how each attempt went. */
@Injectable()
export class DeliveryClaims {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: VafaConfig,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Up to `limit` due deliveries of enabled endpoints, leased in one short transaction (rows
   * another dispatcher holds are skipped), so the POSTs happen outside any transaction.
   */
  async claim(limit: number): Promise<ClaimedDelivery[]> {
    const rows = await queryRows<ClaimRow>(
      this.dataSource.manager,
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d
         JOIN webhook_endpoints w ON w.id = d.endpoint_id AND w.enabled
         WHERE d.status = 'pending' AND d.next_attempt_at <= now()
           AND (d.locked_until IS NULL OR d.locked_until <= now())
         ORDER BY d.next_attempt_at
         LIMIT $1
         FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => $2)
       FROM due, webhook_endpoints w, events e
       WHERE d.id = due.id AND w.id = d.endpoint_id AND e.id = d.event_id
       RETURNING d.id AS delivery_id, d.attempt_count, d.locked_until::text AS lease,
         w.id AS endpoint_id, w.url, w.secret_ciphertext, w.previous_secret_ciphertext,
         w.previous_secret_expires_at, ${EVENT_ROW_COLUMNS}`,
      [limit, LEASE_SECONDS],
    );
    return rows.map((r) => ({
      id: r.delivery_id,
      attemptCount: r.attempt_count,
      lease: r.lease,
      endpointId: r.endpoint_id,
      url: r.url,
      secretCiphertext: r.secret_ciphertext,
      previousSecretCiphertext: r.previous_secret_ciphertext,
      previousSecretExpiresAt: r.previous_secret_expires_at,
      event: {
        id: r.id,
        type: r.type,
        member_id: r.member_id,
        member_seq: r.member_seq,
        occurred_at: r.occurred_at,
        data: r.data,
      },
    }));
  }

  /**
   * Records the attempt and settles the delivery: succeeded on a 2xx; on a failure the next
   * attempt per the schedule, or failed when it is used up or the endpoint answered 410 Gone.
   * A 410, or 5 days (by the Clock) of nothing but failures, disables the endpoint and emits
   * `webhook_endpoint.disabled`.
   */
  complete(claim: ClaimedDelivery, result: SendResult): Promise<DeliveryOutcome> {
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(
        `INSERT INTO webhook_delivery_attempts
           (delivery_id, at, status_code, duration_ms, error, response_excerpt)
         VALUES ($1, now(), $2, $3, $4, $5)`,
        [claim.id, result.statusCode, result.durationMs, result.error, result.responseExcerpt],
      );
      const succeeded = result.error === null;
      const gone = result.statusCode === 410;
      const delay =
        succeeded || gone
          ? null
          : nextRetryDelayMs(
              this.config.webhookRetrySchedule,
              claim.attemptCount + 1,
              result.retryAfterMs,
            );
      const outcome: DeliveryOutcome = succeeded
        ? 'succeeded'
        : delay === null
          ? 'failed'
          : 'retrying';
      const settled = await queryRows<unknown>(
        manager,
        `UPDATE webhook_deliveries
         SET status = $3, attempt_count = attempt_count + 1, locked_until = NULL,
             next_attempt_at = CASE WHEN $4::float8 IS NULL THEN NULL
                                    ELSE now() + make_interval(secs => $4::float8 / 1000) END
         WHERE id = $1 AND locked_until = $2::timestamptz
         RETURNING 1`,
        [claim.id, claim.lease, outcome === 'retrying' ? 'pending' : outcome, delay],
      );
      // Another dispatcher took the delivery over after our lease ran out: it decides.
      if (settled.length === 0) return outcome;
      if (succeeded) {
        await manager.query(
          `UPDATE webhook_endpoints SET failing_since = NULL
           WHERE id = $1 AND failing_since IS NOT NULL`,
          [claim.endpointId],
        );
      } else if (gone) {
        await this.disable(manager, claim.endpointId, 'gone');
      } else {
        await this.noteFailure(manager, claim.endpointId);
      }
      return outcome;
    });
  }

  private async noteFailure(manager: EntityManager, endpointId: string): Promise<void> {
    const now = this.clock.now();
    const rows = await queryRows<{ failing_since: Date }>(
      manager,
      `UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, $2)
       WHERE id = $1 AND enabled RETURNING failing_since`,
      [endpointId, now],
    );
    const since = rows[0]?.failing_since;
    if (since && now.getTime() - since.getTime() >= FAILING_DISABLES_AFTER_MS) {
      await this.disable(manager, endpointId, 'failing');
    }
  }

  private async disable(
    manager: EntityManager,
    endpointId: string,
    reason: DisabledReason,
  ): Promise<void> {
    const entity = await manager.findOne(WebhookEndpointEntity, {
      where: { id: endpointId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!entity?.enabled) return;
    const before = toWebhookEndpointDto(entity);
    const failingSince = entity.failingSince;
    entity.enabled = false;
    entity.disabledReason = reason;
    entity.updatedAt = this.clock.now();
    await manager.save(WebhookEndpointEntity, entity);
    await this.audit.record(manager, {
      actor: SYSTEM_ACTOR,
      action: 'update',
      resourceType: 'webhook_endpoint',
      resourceId: endpointId,
      before,
      after: toWebhookEndpointDto(entity),
    });
    await this.outbox.emit(manager, {
      type: 'webhook_endpoint.disabled',
      data: {
        endpointId,
        url: entity.url,
        reason,
        failingSince: failingSince ? failingSince.toISOString() : null,
      },
    });
  }
}
