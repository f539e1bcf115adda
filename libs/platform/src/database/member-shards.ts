import type { DataSource, EntityManager } from 'typeorm';

/** Whether each database is a Citus cluster, asked once per DataSource. */
const citusByDataSource = new WeakMap<DataSource, Promise<boolean>>();

/** Whether the database is a Citus cluster (asked once; asked again if asking failed). */
export function onCitus(manager: EntityManager): Promise<boolean> {
  const known = citusByDataSource.get(manager.connection);
  if (known) {
    return known;
  }
  const asked = manager
    .query<{ citus: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') AS citus`,
    )
    .then((rows) => rows[0]?.citus === true);
  citusByDataSource.set(manager.connection, asked);
  // A database that was down is asked again next time, not taken for plain PostgreSQL forever.
  asked.catch(() => citusByDataSource.delete(manager.connection));
  return asked;
}

/**
 * Runs `work` for many members and answers its rows together: on PostgreSQL once, for all of
 * them; on Citus once per shard of `table` (a member-scoped table), for the members that shard
 * holds, in shard order. Citus locks rows (`FOR UPDATE`) only in a statement that stays on one
 * shard, and routes a query whatever its joins when every distributed table in it is filtered by
 * members of one shard; taking locks in the same (shard, member) order makes jobs queue rather
 * than deadlock.
 */
export async function runByMemberShard<T>(
  manager: EntityManager,
  table: string,
  memberIds: readonly string[],
  work: (memberIds: string[]) => Promise<T[]>,
): Promise<T[]> {
  if (memberIds.length === 0) {
    return [];
  }
  if (!(await onCitus(manager))) {
    return work([...memberIds]);
  }
  const placed = await manager.query<{ shard: string; ids: string[] }[]>(
    `SELECT get_shard_id_for_distribution_column($1, m) AS shard, array_agg(m::text ORDER BY m) AS ids
     FROM unnest($2::uuid[]) AS m GROUP BY 1 ORDER BY 1`,
    [table, memberIds],
  );
  const rows: T[] = [];
  for (const { ids } of placed) {
    rows.push(...(await work(ids)));
  }
  return rows;
}
