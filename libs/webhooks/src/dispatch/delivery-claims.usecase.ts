import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditLog,
  Clock,
  DAY_MS,
  EventOutbox,
  inTransaction,
  queryRows,
  SYSTEM_ACTOR,
  VafaConfig,
} from '@vafa/platform';
import { toWebhookEndpointDto } from '../endpoints/webhook-endpoints.repository';
import { DisabledReason, WebhookEndpointEntity } from '../endpoints/webhook-endpoint.entity';
import {
  CLAIM_COLUMNS,
  ClaimedDelivery,
  ClaimRow,
  CompletedAttempt,
  LEASE,
  LEASE_SECONDS,
  toClaimedDelivery,
} from './claimed-delivery';
import { nextRetryDelayMs } from './retry-schedule';
import type { SendResult } from './webhook-sender';
import type { DeliveryAttempt } from '../deliveries/webhook-delivery.entity';
import { EVENT_ROW_COLUMNS, type EventRow } from '../events/event-envelope';

/** An endpoint failing this long without one success is disabled. */
export const FAILING_DISABLES_AFTER_MS = 5 * DAY_MS;

export type DeliveryOutcome = 'succeeded' | 'retrying' | 'failed';

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
       FROM due, webhook_endpoints w
       WHERE d.id = due.id AND w.id = d.endpoint_id
       RETURNING ${CLAIM_COLUMNS}`,
      [limit, LEASE_SECONDS],
    );
    if (rows.length === 0) {
      return [];
    }
    // Read apart from the lease: on Citus the deliveries are on every node and the events on
    // their member's shard, and one statement may not update the one from the other.
    const events = await queryRows<EventRow>(
      this.dataSource.manager,
      `SELECT ${EVENT_ROW_COLUMNS} FROM event_log e WHERE e.id = ANY($1::uuid[])`,
      [rows.map((r) => r.event_id)],
    );
    const byId = new Map(events.map((e) => [e.id, e]));
    // An event the retention job deleted meanwhile takes its delivery with it: nothing to send.
    return rows.flatMap((r) => {
      const event = byId.get(r.event_id);
      return event ? [toClaimedDelivery(r, event)] : [];
    });
  }

  /**
   * Records a batch of attempts in one transaction and settles each delivery: succeeded on a
   * 2xx; on a failure the next attempt per the schedule, or failed when it is used up or the
   * endpoint answered 410 Gone. A 410, or 5 days (by the Clock) of nothing but failures,
   * disables the endpoint and emits `webhook_endpoint.disabled`. One transaction (one commit)
   * for many deliveries keeps delivering cheap beside the checkout.
   */
  completeMany(done: readonly CompletedAttempt[]): Promise<DeliveryOutcome[]> {
    const settle = done.map(({ claim, at, result }) => {
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
      return { claim, at, result, succeeded, gone, delay, outcome };
    });
    return inTransaction(this.dataSource, async (manager) => {
      const settled = await queryRows<{ id: string }>(
        manager,
        // Only immutable functions of the rows (Citus evaluates now() once, beforehand): the
        // next attempt as seconds since 1970 (NULL without a delay), the attempt as a 1-array.
        `UPDATE webhook_deliveries d
         SET status = v.status, attempt_count = d.attempt_count + 1, locked_until = NULL,
             next_attempt_at = to_timestamp(extract(epoch FROM now())::float8 + v.delay / 1000),
             attempts = d.attempts || v.attempt::jsonb
         FROM unnest($1::uuid[], $2::numeric[], $3::text[], $4::float8[], $5::text[])
           AS v(id, lease, status, delay, attempt)
         WHERE d.id = v.id AND ${LEASE} = v.lease
         RETURNING d.id`,
        [
          settle.map((s) => s.claim.id),
          settle.map((s) => s.claim.lease),
          settle.map((s) => (s.outcome === 'retrying' ? 'pending' : s.outcome)),
          settle.map((s) => s.delay),
          settle.map((s) => JSON.stringify([attemptOf(s)])),
        ],
      );
      // A delivery another dispatcher took over after our lease ran out is its to decide.
      const ours = new Set(settled.map((r) => r.id));
      const mine = settle.filter((s) => ours.has(s.claim.id));
      const recovered = [
        ...new Set(mine.filter((s) => s.succeeded).map((s) => s.claim.endpointId)),
      ];
      if (recovered.length > 0) {
        await manager.query(
          `UPDATE webhook_endpoints SET failing_since = NULL
           WHERE id = ANY ($1::uuid[]) AND failing_since IS NOT NULL`,
          [recovered],
        );
      }
      for (const s of mine) {
        if (s.gone) {
          await this.disable(manager, s.claim.endpointId, 'gone');
        } else if (!s.succeeded) {
          await this.noteFailure(manager, s.claim.endpointId);
        }
      }
      return settle.map((s) => s.outcome);
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
    if (!entity?.enabled) {
      return;
    }
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

const attemptOf = (s: { at: Date; result: SendResult }): DeliveryAttempt => ({
  at: s.at.toISOString(),
  statusCode: s.result.statusCode,
  durationMs: s.result.durationMs,
  error: s.result.error,
  responseExcerpt: s.result.responseExcerpt,
});
