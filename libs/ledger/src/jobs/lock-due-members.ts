import type { EntityManager } from 'typeorm';
import { runByMemberShard } from '@vafa/platform';

/**
 * Locks the account rows of the next batch of members with due work, in member order (the
 * ledger's fixed lock order; by shard first on Citus), so the job and the members' own
 * operations queue rather than deadlock, and the job then sees their committed lots.
 */
export async function lockDueMembers(
  manager: EntityManager,
  dueMembersSql: string,
  now: Date,
  batchSize: number,
): Promise<{ memberId: string; available: number }[]> {
  const due = await manager.query<{ member_id: string }[]>(
    `SELECT DISTINCT member_id FROM (${dueMembersSql}) due ORDER BY member_id LIMIT $2`,
    [now, batchSize],
  );
  const rows = await runByMemberShard(
    manager,
    'ledger_accounts',
    due.map((d) => d.member_id),
    (ids) =>
      manager.query<{ member_id: string; available: string }[]>(
        `SELECT member_id, available FROM ledger_accounts WHERE member_id = ANY($1::uuid[])
         ORDER BY member_id FOR UPDATE`,
        [ids],
      ),
  );
  return rows.map((r) => ({ memberId: r.member_id, available: Number(r.available) }));
}
