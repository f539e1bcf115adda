import type { EntityManager } from 'typeorm';

/**
 * Deletes up to `limit` of the oldest events created before `olderThan` (their webhook
 * deliveries go with them, by cascade) and answers how many; for the retention job, which calls
 * it until a batch comes back short.
 */
export async function deleteEventsCreatedBefore(
  manager: EntityManager,
  olderThan: Date,
  limit: number,
): Promise<number> {
  const rows = await manager.query<{ n: string }[]>(
    `WITH old AS (
       SELECT id FROM events WHERE created_at < $1 ORDER BY created_at LIMIT $2
     ), gone AS (
       DELETE FROM events e USING old WHERE e.id = old.id RETURNING 1
     )
     SELECT count(*) AS n FROM gone`,
    [olderThan, limit],
  );
  return Number(rows[0]?.n ?? 0);
}
