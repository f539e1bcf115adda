import type { EntityManager } from 'typeorm';
import { GOODWILL_GRANTS, lockMemberAccount, type ProgramSettings } from '@vafa/ledger';
import { goodwillBudgetExceeded, goodwillMemberCapExceeded } from '../points.errors';

/** The start of the day and of the month containing `at`, in the program's time zone. */
function periodStarts(at: Date, timeZone: string): { day: string; month: string } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
  return { day, month: `${day.slice(0, 7)}-01` };
}

/**
 * Holds a goodwill credit to the program's limits: a budget per staff key per day and a cap per
 * member per calendar month (program time zone). Locks make the sums exact under races.
 */
export async function checkGoodwillLimits(
  manager: EntityManager,
  settings: ProgramSettings,
  grant: { memberId: string; grantedBy: string; points: number; at: Date },
): Promise<void> {
  const { day, month } = periodStarts(grant.at, settings.timeZone);
  const sumSql = (by: string): string =>
    `SELECT coalesce(sum(points), 0)::bigint AS total FROM (${GOODWILL_GRANTS}) g
     WHERE ${by} AND (occurred_at AT TIME ZONE $3)::date >= $2::date`;
  if (settings.goodwillDailyBudget > 0) {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `goodwill:${grant.grantedBy}`,
    ]);
    const [used] = await manager.query<{ total: string }[]>(sumSql('granted_by = $1'), [
      grant.grantedBy,
      day,
      settings.timeZone,
    ]);
    const left = settings.goodwillDailyBudget - Number(used?.total ?? 0);
    if (grant.points > left) {
      throw goodwillBudgetExceeded(Math.max(left, 0));
    }
  }
  if (settings.goodwillMonthlyCap > 0) {
    await lockMemberAccount(manager, grant.memberId);
    const [used] = await manager.query<{ total: string }[]>(sumSql('member_id = $1'), [
      grant.memberId,
      month,
      settings.timeZone,
    ]);
    const left = settings.goodwillMonthlyCap - Number(used?.total ?? 0);
    if (grant.points > left) {
      throw goodwillMemberCapExceeded(Math.max(left, 0));
    }
  }
}
