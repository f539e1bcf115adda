import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deferredQuery, inTransaction, queryRows } from '@vafa/platform';
import { NEW_DELIVERY_ID } from '../deliveries/new-delivery-id';
import {
  CLAIM_COLUMNS,
  ClaimedDelivery,
  ClaimRow,
  LEASE_SECONDS,
  toClaimedDelivery,
} from './claimed-delivery';
import { commitHorizon } from '../events/commit-horizon';
import { EVENT_ROW_COLUMNS, type EventRow } from '../events/event-envelope';

/** Whether any event lies after the fan-out's place. */
const ANY_NEWS = `SELECT EXISTS (
     SELECT 1 FROM event_log e JOIN webhook_fan_out f
       ON f.id = 1 AND (e.tx_id, e.id) > (f.last_tx_id, f.last_event_id)
   ) AS any`;

/** Up to `$4` events after `$1, $2` (tx_id, id) below the commit horizon `$3`, in order. */
const BATCH = `SELECT ${EVENT_ROW_COLUMNS}, e.tx_id FROM event_log e
   WHERE (e.tx_id, e.id) > ($1::bigint, $2::uuid) AND e.tx_id < $3::bigint
   ORDER BY e.tx_id, e.id LIMIT $4`;

const MOVE = {
  name: 'webhook_fan_out_move',
  text: `UPDATE webhook_fan_out SET last_tx_id = $1, last_event_id = $2 WHERE id = 1`,
};

/**
 * One pending delivery per enabled endpoint subscribed to each event of the batch (ids `$1`,
 * types `$2`, in order; `webhook.test` goes only to its endpoint), the first `$3` leased for `$4`
 * seconds; answered with the leased ones.
 */
const QUEUE = `WITH targets AS (
     SELECT b.id AS event_id, w.id AS endpoint_id,
            row_number() OVER (ORDER BY b.ord, w.id) AS n
     FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS b(id, type, ord)
     JOIN webhook_endpoints w
       ON w.enabled AND (cardinality(w.event_types) = 0 OR b.type = ANY (w.event_types))
     WHERE b.type <> 'webhook.test'
   ), queued AS (
     INSERT INTO webhook_deliveries
       (id, endpoint_id, event_id, status, next_attempt_at, locked_until)
     SELECT ${NEW_DELIVERY_ID}, endpoint_id, event_id, 'pending', now(),
            CASE WHEN n <= $3 THEN now() + make_interval(secs => $4) END
     FROM targets ORDER BY n
     RETURNING *
   )
   SELECT ${CLAIM_COLUMNS}
   FROM queued d JOIN webhook_endpoints w ON w.id = d.endpoint_id
   WHERE d.locked_until IS NOT NULL`;

/**
 * Turns new events into deliveries. The fan-out keeps its place in the events, by (tx_id, id),
 * in the one row of webhook_fan_out, which one dispatcher at a time holds (the others skip it).
 * It reads only events of transactions older than every one still running, so an event that
 * commits late is never passed over; it inserts one pending delivery per enabled endpoint
 * subscribed to each and moves its place, in one transaction: a crash before the commit leaves
 * the events to be read again, after it every delivery exists.
 *
 * The first `room` new deliveries are leased to the caller at once, saving them a claim.
 *
 * The events and the deliveries are separate statements: on Citus the events live on their
 * member's shard and the deliveries, endpoints and place on every node (reference tables), and
 * one statement may not read the one and write the other.
 */
@Injectable()
export class WebhookFanOut {
  constructor(private readonly dataSource: DataSource) {}

  async run(
    batchSize: number,
    room: number,
  ): Promise<{ events: number; claimed: ClaimedDelivery[] }> {
    // A look without locks first: an idle round then writes nothing (no lock, no commit).
    const [news] = await queryRows<{ any: boolean }>(this.dataSource.manager, ANY_NEWS, []);
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
      const batch = await queryRows<EventRow & { tx_id: string }>(manager, BATCH, [
        place.last_tx_id,
        place.last_event_id,
        await commitHorizon(manager),
        batchSize,
      ]);
      const last = batch[batch.length - 1];
      if (!last) {
        return { events: 0, claimed: [] };
      }
      await deferredQuery(manager, MOVE, [last.tx_id, last.id]);
      const leased = await queryRows<ClaimRow>(manager, QUEUE, [
        batch.map((e) => e.id),
        batch.map((e) => e.type),
        room,
        LEASE_SECONDS,
      ]);
      const events = new Map(batch.map((e) => [e.id, e]));
      return {
        events: batch.length,
        claimed: leased.map((r) => toClaimedDelivery(r, events.get(r.event_id)!)),
      };
    });
  }
}
