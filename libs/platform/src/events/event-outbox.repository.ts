import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { deferredQuery } from '../database/prepared-query';
import type { EventType } from './event-types';
import { uuidV7 } from './uuid-v7';

export interface OutboxEvent {
  type: EventType;
  /** The member the event is about: it then gets the member's next sequence number. */
  memberId?: string | null;
  /** Small, stable, documented fields: ids, amounts, balances after, reasons; never secrets. */
  data: Record<string, unknown>;
  /** When it happened in the business sense; the clock's now by default. */
  occurredAt?: Date;
}

/**
 * Where events about no member (program-level) are filed: `events` is keyed by member so Citus
 * can keep each member's events on the member's shard; `event_log` shows this id as null.
 */
export const PROGRAM_EVENT_MEMBER_ID = '00000000-0000-0000-0000-000000000000';

/** The writing transaction's id, by which lists order events (see the EventOutbox migration). */
const TX_ID = `pg_current_xact_id()::text::bigint`;

const INSERT_EVENT = {
  name: 'event_outbox_insert',
  text: `INSERT INTO events (id, type, member_id, occurred_at, data, created_at, tx_id)
    VALUES ($1, $2, '${PROGRAM_EVENT_MEMBER_ID}', $3, $4, $5, ${TX_ID})`,
};

// The upsert locks the member's sequence row until the caller's transaction ends, so concurrent
// transactions of one member number their events 1, 2, 3 … in commit order, and a rollback
// gives its number back.
const INSERT_MEMBER_EVENT = {
  name: 'event_outbox_insert_member',
  text: `WITH seq AS (
      INSERT INTO member_event_sequences AS s (member_id, last_seq) VALUES ($3::uuid, 1)
      ON CONFLICT (member_id) DO UPDATE SET last_seq = s.last_seq + 1
      RETURNING last_seq)
    INSERT INTO events (id, type, member_id, member_seq, occurred_at, data, created_at, tx_id)
    SELECT $1::uuid, $2::text, $3::uuid, seq.last_seq, $4::timestamptz, $5::jsonb, $6::timestamptz,
           ${TX_ID}
    FROM seq`,
};

// Sequence rows are upserted in member order, so two jobs emitting for overlapping members lock
// them in the same order and cannot deadlock each other.
const INSERT_MANY = {
  name: 'event_outbox_insert_many',
  text: `
  WITH input AS (
    SELECT (e->>'id')::uuid AS id, e->>'type' AS type, (e->>'memberId')::uuid AS member_id,
           (e->>'occurredAt')::timestamptz AS occurred_at, e->'data' AS data, ord
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, ord)),
  counts AS (
    SELECT member_id, count(*) AS n FROM input WHERE member_id IS NOT NULL GROUP BY member_id),
  seq AS (
    INSERT INTO member_event_sequences AS s (member_id, last_seq)
    SELECT member_id, n FROM counts ORDER BY member_id
    ON CONFLICT (member_id) DO UPDATE SET last_seq = s.last_seq + excluded.last_seq
    RETURNING member_id, last_seq)
  INSERT INTO events (id, type, member_id, member_seq, occurred_at, data, created_at, tx_id)
  SELECT i.id, i.type, COALESCE(i.member_id, '${PROGRAM_EVENT_MEMBER_ID}'::uuid),
         seq.last_seq - c.n + row_number() OVER (PARTITION BY i.member_id ORDER BY i.ord),
         i.occurred_at, i.data, $2::timestamptz, ${TX_ID}
  FROM input i
  LEFT JOIN counts c ON c.member_id = i.member_id
  LEFT JOIN seq ON seq.member_id = i.member_id
  ORDER BY i.ord`,
};

const MANY_CHUNK = 5_000;

/**
 * The transactional outbox: an event is written through the caller's transaction, so a change
 * that rolls back emits nothing and one that commits is never lost. The webhook dispatcher
 * delivers what is written here.
 */
@Injectable()
export class EventOutbox {
  constructor(private readonly clock: Clock) {}

  /** Writes one event in `manager`'s transaction and answers its id. */
  async emit(manager: EntityManager, event: OutboxEvent): Promise<string> {
    const id = uuidV7();
    const now = this.clock.now();
    const occurredAt = event.occurredAt ?? now;
    const data = JSON.stringify(event.data);
    if (event.memberId) {
      await deferredQuery(manager, INSERT_MEMBER_EVENT, [
        id,
        event.type,
        event.memberId,
        occurredAt,
        data,
        now,
      ]);
    } else {
      await deferredQuery(manager, INSERT_EVENT, [id, event.type, occurredAt, data, now]);
    }
    return id;
  }

  /**
   * Writes many events in few statements (jobs, batches of checkouts), in order, sent without
   * waiting inside a transaction; answers their ids in order.
   */
  async emitMany(manager: EntityManager, events: readonly OutboxEvent[]): Promise<string[]> {
    const now = this.clock.now();
    const ids: string[] = [];
    for (let start = 0; start < events.length; start += MANY_CHUNK) {
      const rows = events.slice(start, start + MANY_CHUNK).map((event) => {
        const id = uuidV7();
        ids.push(id);
        return {
          id,
          type: event.type,
          memberId: event.memberId ?? null,
          occurredAt: (event.occurredAt ?? now).toISOString(),
          data: event.data,
        };
      });
      await deferredQuery(manager, INSERT_MANY, [JSON.stringify(rows), now]);
    }
    return ids;
  }
}
