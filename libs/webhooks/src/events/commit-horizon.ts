import type { EntityManager } from 'typeorm';
import { queryRows } from '@vafa/platform';

/**
 * The commit horizon: every transaction with an id below it has ended (`pg_snapshot_xmin` of
 * the current snapshot), so no event of theirs can still appear. Lists of events stop below it,
 * so an event whose transaction commits late never lands behind a place already passed.
 *
 * Read by a statement of its own, touching no table: on Citus that is the coordinator's
 * snapshot, whose transaction ids the events carry (in a statement on the events each worker
 * would evaluate it against its own ids). Read before the events, it is at most as new as their
 * statement's snapshot would give, so it never lets through more than that would.
 */
export async function commitHorizon(manager: EntityManager): Promise<string> {
  const [row] = await queryRows<{ xmin: string }>(
    manager,
    'SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin',
    [],
  );
  return row!.xmin;
}
