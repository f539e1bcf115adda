import { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app';

export interface StoredEvent {
  id: string;
  type: string;
  memberId: string | null;
  memberSeq: number | null;
  data: Record<string, unknown>;
}

interface EventRow {
  id: string;
  type: string;
  member_id: string | null;
  member_seq: string | null;
  data: Record<string, unknown>;
}

const toEvent = (r: EventRow): StoredEvent => ({
  id: r.id,
  type: r.type,
  memberId: r.member_id,
  memberSeq: r.member_seq === null ? null : Number(r.member_seq),
  data: r.data,
});

/**
 * The outbox of a test app, read from its table in the order events were written (by writing
 * transaction, then id). `mark()` notes a point in time; `since(mark)` answers what was written
 * after it, so a test sees exactly the events its own requests produced.
 */
export function eventsOf(t: TestApp) {
  const db = t.app.get(DataSource);
  const read = async (where: string, params: unknown[]): Promise<StoredEvent[]> =>
    (
      await db.query<EventRow[]>(
        `SELECT id, type, member_id, member_seq, data FROM event_log WHERE ${where} ORDER BY tx_id, id`,
        params,
      )
    ).map(toEvent);
  return {
    /** A transaction id: every transaction that writes later has a greater one. */
    mark: async (): Promise<string> =>
      (
        (await db.query<{ x: string }[]>('SELECT pg_current_xact_id()::text AS x'))[0] as {
          x: string;
        }
      ).x,
    since: (mark: string): Promise<StoredEvent[]> => read('tx_id > $1::bigint', [mark]),
    /** Every event of a member, in their sequence. */
    ofMember: async (memberId: string): Promise<StoredEvent[]> =>
      (await read('member_id = $1', [memberId])).sort(
        (a, b) => (a.memberSeq ?? 0) - (b.memberSeq ?? 0),
      ),
    ofType: (type: string): Promise<StoredEvent[]> => read('type = $1', [type]),
  };
}

/** [type, memberId] of each event, for a compact comparison. */
export const typesAndMembers = (events: StoredEvent[]): [string, string | null][] =>
  events.map((e) => [e.type, e.memberId]);

/** The member's sequence numbers are 1, 2, 3 … with no gap. */
export const expectGaplessSequence = (events: StoredEvent[]): void => {
  expect(events.map((e) => e.memberSeq)).toEqual(events.map((_, i) => i + 1));
};
