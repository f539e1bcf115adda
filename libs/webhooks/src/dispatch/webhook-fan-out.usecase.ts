import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, queryRows } from '@vafa/platform';
import { NEW_DELIVERY_ID } from '../deliveries/new-delivery-id';
import {
  CLAIM_COLUMNS,
  ClaimedDelivery,
  ClaimRow,
  LEASE_SECONDS,
  toClaimedDelivery,
} from './claimed-delivery';
import { EVENT_ROW_COLUMNS, type EventRow } from '../events/event-envelope';

type FanOutRow = { batch_size: string } & (ClaimRow & EventRow);

/**
 * One batch: the events after `$1, $2` (tx_id, id) of transactions older than every running one,
 * up to `$3`; the place moved past them; one delivery per enabled subscribed endpoint, the first
 * `$4` leased for `$5` seconds; answered with the batch size and the leased deliveries.
 */
export const FAN_OUT = `WITH horizon AS (
     SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin
   ), batch AS (
     SELECT e.id, e.type, e.member_id, e.member_seq, e.occurred_at, e.data, e.tx_id
     FROM event_log e, horizon
     WHERE (e.tx_id, e.id) > ($1::bigint, $2::uuid) AND e.tx_id < horizon.xmin
     ORDER BY e.tx_id, e.id LIMIT $3
   ), moved AS (
     UPDATE webhook_fan_out f SET last_tx_id = last.tx_id, last_event_id = last.id
     FROM (SELECT tx_id, id FROM batch ORDER BY tx_id DESC, id DESC LIMIT 1) last
     WHERE f.id = 1
   ), targets AS (
     SELECT batch.id AS event_id, w.id AS endpoint_id,
            row_number() OVER (ORDER BY batch.tx_id, batch.id, w.id) AS n
     FROM batch JOIN webhook_endpoints w
       ON w.enabled AND (cardinality(w.event_types) = 0 OR batch.type = ANY (w.event_types))
     WHERE batch.type <> 'webhook.test'
   ), queued AS (
     INSERT INTO webhook_deliveries
       (id, endpoint_id, event_id, status, next_attempt_at, locked_until)
     SELECT ${NEW_DELIVERY_ID}, endpoint_id, event_id, 'pending', now(),
            CASE WHEN n <= $4 THEN now() + make_interval(secs => $5) END
     FROM targets ORDER BY n
     RETURNING *
   )
   SELECT (SELECT count(*) FROM batch) AS batch_size, ${CLAIM_COLUMNS}, ${EVENT_ROW_COLUMNS}
   FROM (SELECT 1) one
   LEFT JOIN (queued d
     JOIN webhook_endpoints w ON w.id = d.endpoint_id
     JOIN batch e ON e.id = d.event_id) ON d.locked_until IS NOT NULL`;

/**
 * Turns new events into deliveries. The fan-out keeps its place in the events, by (tx_id, id),
 * in the one row of webhook_fan_out, which one dispatcher at a time holds (the others skip it).
 * It reads only events of transactions older than every one still running, so an event that
 * commits late is never passed over; it inserts one pending delivery per enabled endpoint
 * subscribed to each and moves its place, in one transaction: a crash before the commit leaves
 * the events to be read again, after it every delivery exists.
 *
 * The first `room` new deliveries are leased to the caller at once, saving them a claim.
 */
@Injectable()
export class WebhookFanOut {
  constructor(private readonly dataSource: DataSource) {}

  async run(
    batchSize: number,
    room: number,
  ): Promise<{ events: number; claimed: ClaimedDelivery[] }> {
    // A look without locks first: an idle round then writes nothing (no lock, no commit).
    const [news] = await queryRows<{ any: boolean }>(
      this.dataSource.manager,
      `SELECT EXISTS (
         SELECT 1 FROM webhook_fan_out f CROSS JOIN LATERAL (
           SELECT 1 FROM event_log e WHERE (e.tx_id, e.id) > (f.last_tx_id, f.last_event_id)
           ORDER BY e.tx_id, e.id LIMIT 1
         ) next
         WHERE f.id = 1
       ) AS any`,
      [],
    );
    if (!news?.any) {
      return { events: 0, claimed: [] };
    }
    return inTransaction(this.dataSource, async (manager) => {
      const [place] = await queryRows<{ last_tx_id: string; last_event_id: string }>(
        manager,
        `SELECT last_tx_id, last_event_id FROM webhook_fan_out WHERE id = 1
         FOR UPDATE SKIP LOCKED`,
        [],
      );
      if (!place) {
        return { events: 0, claimed: [] };
      }
      const rows = await queryRows<FanOutRow>(manager, FAN_OUT, [
        place.last_tx_id,
        place.last_event_id,
        batchSize,
        room,
        LEASE_SECONDS,
      ]);
      return {
        events: Number(rows[0]?.batch_size ?? 0),
        claimed: rows.filter((r) => r.delivery_id !== null).map((r) => toClaimedDelivery(r, r)),
      };
    });
  }
}
