import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Turns new events into deliveries: claims a batch of events not yet fanned out (skipping those
 * another dispatcher holds) and, in the same statement, inserts one pending delivery per
 * enabled endpoint subscribed to each and marks the events done. A crash before the commit
 * leaves the events to be claimed again; after it, every delivery exists.
 */
@Injectable()
export class WebhookFanOut {
  constructor(private readonly dataSource: DataSource) {}

  async run(batchSize: number): Promise<{ events: number; deliveries: number }> {
    const rows = await this.dataSource.query<{ events: string; deliveries: string }[]>(
      `WITH batch AS (
         SELECT id, type FROM events WHERE fanned_out_at IS NULL
         ORDER BY tx_id, id LIMIT $1 FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE events e SET fanned_out_at = now() FROM batch WHERE e.id = batch.id RETURNING 1
       ), queued AS (
         INSERT INTO webhook_deliveries (endpoint_id, event_id, status, next_attempt_at)
         SELECT w.id, batch.id, 'pending', now()
         FROM batch JOIN webhook_endpoints w
           ON w.enabled AND (cardinality(w.event_types) = 0 OR batch.type = ANY (w.event_types))
         WHERE batch.type <> 'webhook.test'
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM marked) AS events, (SELECT count(*) FROM queued) AS deliveries`,
      [batchSize],
    );
    return { events: Number(rows[0]?.events ?? 0), deliveries: Number(rows[0]?.deliveries ?? 0) };
  }
}
