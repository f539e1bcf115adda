import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { Clock, MetricsRegistry } from '@vafa/platform';
import type { DeliveryOutcome } from './delivery-claims.usecase';

/**
 * Webhook metrics on /metrics: attempts by outcome (counted by this process), and the queue
 * depth and the age of the oldest undelivered event (read from the database at each scrape).
 */
@Injectable()
export class WebhookMetrics {
  readonly attempts: Counter<'outcome'>;

  constructor(metrics: MetricsRegistry, dataSource: DataSource, clock: Clock) {
    const registers = [metrics.registry];
    this.attempts = new Counter({
      name: 'vafa_webhook_deliveries_total',
      help: 'Webhook delivery attempts by outcome: succeeded, retrying (failed, will retry), failed (gave up)',
      labelNames: ['outcome'] as const,
      registers,
    });
    for (const outcome of ['succeeded', 'retrying', 'failed'] as const) {
      this.attempts.inc({ outcome }, 0);
    }
    new Gauge({
      name: 'vafa_webhook_queue_depth',
      help: 'Events not yet fanned out (stage=fan_out) and deliveries pending to enabled endpoints (stage=delivery)',
      labelNames: ['stage'] as const,
      registers,
      async collect() {
        const [row] = await dataSource.query<{ events: string; deliveries: string }[]>(
          `SELECT (SELECT count(*) FROM event_log e JOIN webhook_fan_out f
                     ON f.id = 1 AND (e.tx_id, e.id) > (f.last_tx_id, f.last_event_id)) AS events,
                  (SELECT count(*) FROM webhook_deliveries d JOIN webhook_endpoints w
                     ON w.id = d.endpoint_id AND w.enabled
                   WHERE d.status = 'pending') AS deliveries`,
        );
        this.set({ stage: 'fan_out' }, Number(row?.events ?? 0));
        this.set({ stage: 'delivery' }, Number(row?.deliveries ?? 0));
      },
    });
    new Gauge({
      name: 'vafa_webhook_oldest_undelivered_event_age_seconds',
      help: 'Age of the oldest event not yet fanned out or with a delivery still pending; 0 when none',
      registers,
      async collect() {
        const [row] = await dataSource.query<{ age: number | null }[]>(
          `SELECT EXTRACT(EPOCH FROM $1::timestamptz - min(created_at))::float8 AS age FROM (
             (SELECT e.created_at FROM event_log e JOIN webhook_fan_out f
                ON f.id = 1 AND (e.tx_id, e.id) > (f.last_tx_id, f.last_event_id)
              ORDER BY e.tx_id, e.id LIMIT 1)
             UNION ALL
             (SELECT min(e.created_at) FROM webhook_deliveries d
              JOIN webhook_endpoints w ON w.id = d.endpoint_id AND w.enabled
              JOIN event_log e ON e.id = d.event_id
              WHERE d.status = 'pending')
           ) oldest`,
          [clock.now()],
        );
        this.set(Math.max(0, Number(row?.age ?? 0)));
      },
    });
  }

  count(outcome: DeliveryOutcome): void {
    this.attempts.inc({ outcome });
  }
}
