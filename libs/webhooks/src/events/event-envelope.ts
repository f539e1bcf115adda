/** An outbox row as the envelope reads it. */
export interface EventRow {
  id: string;
  type: string;
  member_id: string | null;
  member_seq: string | null;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/** What a receiver gets (and GET /v1/events lists): the same for every delivery of an event. */
export interface EventEnvelope {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export const EVENT_ROW_COLUMNS = 'e.id, e.type, e.member_id, e.member_seq, e.occurred_at, e.data';

export function toEventEnvelope(row: EventRow): EventEnvelope {
  const data =
    row.member_id === null
      ? row.data
      : { ...row.data, memberId: row.member_id, memberSeq: Number(row.member_seq) };
  return { id: row.id, type: row.type, timestamp: row.occurred_at.toISOString(), data };
}
