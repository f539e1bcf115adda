import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/prepared-query';

/**
 * Deletes up to `limit` of the oldest events created before `olderThan` and answers their ids,
 * so the caller can delete what hangs off them in the same transaction; for the retention job,
 * which calls it until a batch comes back short.
 */
export async function deleteEventsCreatedBefore(
  manager: EntityManager,
  olderThan: Date,
  limit: number,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    manager,
    `WITH old AS (
       SELECT member_id, id FROM events WHERE created_at < $1 ORDER BY created_at LIMIT $2
     )
     DELETE FROM events e USING old WHERE e.member_id = old.member_id AND e.id = old.id
     RETURNING e.id`,
    [olderThan, limit],
  );
  return rows.map((r) => r.id);
}
