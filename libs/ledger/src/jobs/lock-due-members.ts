import type { EntityManager } from 'typeorm';

/**
 * Locks the account rows of the next batch of members with due work, in member order (the
 * ledger's fixed lock order), so the job and the members' own operations queue rather than
 * deadlock, and the job then sees their committed lots.
 */
export async function lockDueMembers(
  manager: EntityManager,
  dueMembersSql: string,
  now: Date,
  batchSize: number,
): Promise<{ memberId: string; available: number }[]> {
  const rows = await manager.query<{ member_id: string; available: string }[]>(
    `SELECT a.member_id, a.available FROM ledger_accounts a
     WHERE a.member_id IN (SELECT member_id FROM (${dueMembersSql}) due ORDER BY member_id LIMIT $2)
     ORDER BY a.member_id FOR UPDATE`,
    [now, batchSize],
  );
  return rows.map((r) => ({ memberId: r.member_id, available: Number(r.available) }));
}
