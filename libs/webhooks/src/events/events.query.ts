import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, Page, pageLimit, startOf } from '@vafa/platform';
import { commitHorizon } from './commit-horizon';
import type { EventListQuery } from './event.dto';
import { EVENT_ROW_COLUMNS, EventEnvelope, EventRow, toEventEnvelope } from './event-envelope';

/**
 * Lists events in commit-safe order: by the writing transaction's id, and only those written by
 * transactions older than every one still running. A transaction that commits late therefore
 * never lands behind a cursor already handed out; its events show up on a later call.
 */
@Injectable()
export class EventsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: EventListQuery): Promise<Page<EventEnvelope>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['bigint', 'uuid']);
    const values: unknown[] = [limit + 1, await commitHorizon(this.dataSource.manager)];
    const where = [`e.tx_id < $2::bigint`];
    if (query.type) {
      values.push(query.type);
      where.push(`e.type = $${values.length}`);
    }
    if (query.since) {
      values.push(startOf(query.since));
      where.push(`e.created_at >= $${values.length}`);
    }
    if (after) {
      values.push(after[0], after[1]);
      where.push(`(e.tx_id, e.id) > ($${values.length - 1}::bigint, $${values.length}::uuid)`);
    }
    const rows = await this.dataSource.query<(EventRow & { tx_id: string })[]>(
      `SELECT ${EVENT_ROW_COLUMNS}, e.tx_id FROM event_log e
       WHERE ${where.join(' AND ')}
       ORDER BY e.tx_id, e.id LIMIT $1`,
      values,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toEventEnvelope),
      nextCursor: rows.length > limit && last ? encodeCursor([last.tx_id, last.id]) : null,
    };
  }
}
