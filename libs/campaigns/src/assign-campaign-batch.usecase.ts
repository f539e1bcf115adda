import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GrantRewardUseCase } from '@vafa/rewards';
import { type BatchCounts, draw, type HoldoutCutoff, type Run } from './campaign-run';
import type { CampaignEntity } from './campaign.entity';
import { lockGiftSupply } from './gift-supply';
import { GrantCampaignGiftsUseCase } from './grant-campaign-gifts.usecase';
import { addDays } from '@vafa/platform';

/**
 * One batch of a run in one transaction: draws holdout and chance, applies cooldown (to holdout
 * members too, so a control member is not surprised by the next run while still measured) and
 * budget under a row lock, records one assignment per (campaign, run, member) and grants the
 * treated members set-based.
 */
@Injectable()
export class AssignCampaignBatchUseCase {
  constructor(
    private readonly rewards: GrantRewardUseCase,
    private readonly gifts: GrantCampaignGiftsUseCase,
  ) {}

  async execute(
    manager: EntityManager,
    campaign: CampaignEntity,
    run: Run,
    ids: string[],
    holdout: HoldoutCutoff | null,
  ): Promise<BatchCounts> {
    // Budget state under a row lock: runs of one campaign never overspend.
    const [state] = await manager.query<{ granted: number; points: string }[]>(
      `SELECT r.granted, c.points_granted AS points FROM campaign_runs r JOIN campaigns c ON c.id = r.campaign_id
       WHERE r.id = $1 FOR UPDATE OF r, c`,
      [run.id],
    );
    // The batch's members' earlier assignments to this campaign, through the (campaign_id,
    // member_id) index: one statement per shard on Citus, grouped by member there.
    const seen = await manager.query<{ member_id: string; in_run: boolean; cooling: boolean }[]>(
      `SELECT member_id, bool_or(run_id = $3) AS in_run,
              bool_or(run_id <> $3 AND assigned_group IN ('treated', 'holdout') AND created_at > $4)
                AS cooling
       FROM campaign_assignments WHERE campaign_id = $2 AND member_id = ANY($1::uuid[])
       GROUP BY member_id`,
      [ids, campaign.id, run.id, addDays(run.startedAt, -campaign.cooldownDays)],
    );
    const inRun = new Set(seen.filter((s) => s.in_run).map((s) => s.member_id));
    const drawn = await manager.query<{ member_id: string; assigned: string }[]>(
      `SELECT c.member_id,
              CASE WHEN (${draw('$2', 'holdout')}, c.member_id) <= ($3::float8, $5::uuid) THEN 'holdout'
                   WHEN ${draw('$2', 'chance')} >= $4::float8 THEN 'skipped:chance'
                   WHEN c.member_id = ANY($6::uuid[]) THEN 'skipped:cooldown'
                   ELSE 'treated' END AS assigned
       FROM unnest($1::uuid[]) AS c(member_id)
       ORDER BY c.member_id`,
      [
        ids.filter((id) => !inRun.has(id)),
        run.seed,
        holdout?.draw ?? -1,
        campaign.probability,
        holdout?.memberId ?? '00000000-0000-0000-0000-000000000000',
        seen.filter((s) => s.cooling).map((s) => s.member_id),
      ],
    );
    const giftPoints = campaign.gift.type === 'points' ? campaign.gift.points : 0;
    let grantsLeft =
      campaign.maxGrantsPerRun === null
        ? Infinity
        : campaign.maxGrantsPerRun - (state?.granted ?? 0);
    let pointsLeft =
      campaign.maxPointsTotal === null
        ? Infinity
        : Number(campaign.maxPointsTotal) - Number(state?.points ?? 0);
    const supply = await lockGiftSupply(this.rewards, manager, campaign.gift);
    let unitsLeft = supply.units;
    const assignments = drawn.map(({ member_id, assigned }) => {
      if (assigned === 'treated') {
        if (grantsLeft < 1 || pointsLeft < giftPoints) {
          return { memberId: member_id, group: 'skipped', reason: 'budget' };
        }
        if (unitsLeft < 1) {
          return { memberId: member_id, group: 'skipped', reason: supply.shortage };
        }
        grantsLeft -= 1;
        pointsLeft -= giftPoints;
        unitsLeft -= 1;
        return { memberId: member_id, group: 'treated', reason: null };
      }
      const [group, reason] = assigned.split(':');
      return { memberId: member_id, group: group ?? 'skipped', reason: reason ?? null };
    });
    if (assignments.length === 0) {
      return { eligible: 0, holdout: 0, granted: 0, skipped: 0, skippedReasons: {} };
    }
    const inserted = await manager.query<
      { member_id: string; assigned_group: string; reason: string | null }[]
    >(
      `INSERT INTO campaign_assignments (campaign_id, run_id, member_id, assigned_group, reason, points, created_at)
       SELECT $1, $2, member_id, assigned_group, reason, CASE WHEN assigned_group = 'treated' THEN $6::int ELSE 0 END, $7
       FROM unnest($3::uuid[], $4::text[], $5::text[]) AS a(member_id, assigned_group, reason)
       ON CONFLICT (campaign_id, run_id, member_id) DO NOTHING RETURNING member_id, assigned_group, reason`,
      [
        campaign.id,
        run.id,
        assignments.map((a) => a.memberId),
        assignments.map((a) => a.group),
        assignments.map((a) => a.reason),
        giftPoints,
        run.startedAt,
      ],
    );
    const treated = inserted
      .filter((r) => r.assigned_group === 'treated')
      .map((r) => r.member_id)
      .sort();
    await this.gifts.execute(manager, campaign, run, treated);
    const count = (group: string): number =>
      inserted.filter((r) => r.assigned_group === group).length;
    const skippedReasons: Record<string, number> = {};
    for (const r of inserted) {
      if (r.assigned_group === 'skipped' && r.reason) {
        skippedReasons[r.reason] = (skippedReasons[r.reason] ?? 0) + 1;
      }
    }
    const counts = {
      eligible: inserted.length,
      holdout: count('holdout'),
      granted: treated.length,
      skipped: count('skipped'),
      skippedReasons,
    };
    await manager.query(
      `UPDATE campaign_runs SET eligible = eligible + $2, holdout = holdout + $3, granted = granted + $4, skipped = skipped + $5 WHERE id = $1`,
      [run.id, counts.eligible, counts.holdout, counts.granted, counts.skipped],
    );
    if (giftPoints > 0 && treated.length > 0) {
      await manager.query(
        'UPDATE campaigns SET points_granted = points_granted + $2 WHERE id = $1',
        [campaign.id, giftPoints * treated.length],
      );
    }
    return counts;
  }
}
