import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@vafa/platform';
import { CampaignsService } from './campaigns.service';

interface GroupRow {
  run_id: string;
  assigned_group: 'treated' | 'holdout';
  members: number;
  orders_mean: number | null;
  orders_var: number | null;
  spend_mean: number | null;
  spend_var: number | null;
}

export interface Comparison {
  treated: number;
  holdout: number;
  uplift: number;
  /** 95% confidence interval of the uplift (Welch's normal approximation). */
  ci95: [number, number] | null;
}

const compare = (
  t: GroupRow | undefined,
  h: GroupRow | undefined,
  mean: 'orders_mean' | 'spend_mean',
  variance: 'orders_var' | 'spend_var',
): Comparison | null => {
  if (!t || !h) return null;
  const tm = Number(t[mean] ?? 0);
  const hm = Number(h[mean] ?? 0);
  const se =
    t.members > 1 && h.members > 1
      ? Math.sqrt(Number(t[variance] ?? 0) / t.members + Number(h[variance] ?? 0) / h.members)
      : null;
  const uplift = tm - hm;
  return {
    treated: tm,
    holdout: hm,
    uplift,
    ci95: se === null ? null : [uplift - 1.96 * se, uplift + 1.96 * se],
  };
};

/** Per run, treated against holdout: purchases and spend per member over the follow-up window. */
@Injectable()
export class CampaignResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly clock: Clock,
  ) {}

  async results(campaignId: string): Promise<Record<string, unknown>> {
    const campaign = await this.campaigns.get(campaignId);
    const runs = await this.dataSource.query<
      {
        id: string;
        started_at: Date;
        finished_at: Date | null;
        status: string;
        trigger: string;
        eligible: number;
        holdout: number;
        granted: number;
        skipped: number;
      }[]
    >(
      `SELECT id, started_at, finished_at, status, trigger, eligible, holdout, granted, skipped FROM campaign_runs
       WHERE campaign_id = $1 ORDER BY started_at DESC LIMIT 100`,
      [campaignId],
    );
    const groups = await this.dataSource.query<GroupRow[]>(
      `SELECT a.run_id, a.assigned_group, count(*)::int AS members,
              avg(p.orders)::float8 AS orders_mean, var_samp(p.orders)::float8 AS orders_var,
              avg(p.spend)::float8 AS spend_mean, var_samp(p.spend)::float8 AS spend_var
       FROM campaign_assignments a
       JOIN campaign_runs r ON r.id = a.run_id
       CROSS JOIN LATERAL (
         SELECT count(*) AS orders, coalesce(sum(o.total), 0) AS spend FROM orders o
         WHERE o.member_id = a.member_id AND o.occurred_at > r.started_at
           AND o.occurred_at <= r.started_at + make_interval(days => $2)
       ) p
       WHERE a.campaign_id = $1 AND a.assigned_group IN ('treated', 'holdout')
       GROUP BY a.run_id, a.assigned_group`,
      [campaignId, campaign.followUpDays],
    );
    const now = this.clock.now();
    return {
      campaignId,
      followUpDays: campaign.followUpDays,
      runs: runs.map((run) => {
        const endsAt = new Date(run.started_at.getTime() + campaign.followUpDays * 86_400_000);
        const complete = now >= endsAt;
        const t = groups.find((g) => g.run_id === run.id && g.assigned_group === 'treated');
        const h = groups.find((g) => g.run_id === run.id && g.assigned_group === 'holdout');
        return {
          runId: run.id,
          startedAt: run.started_at.toISOString(),
          status: run.status,
          trigger: run.trigger,
          eligible: run.eligible,
          treated: run.granted,
          holdout: run.holdout,
          skipped: run.skipped,
          followUpEndsAt: endsAt.toISOString(),
          followUpComplete: complete,
          // Compared only once the follow-up window has passed, so partial windows don't mislead.
          purchasesPerMember: complete ? compare(t, h, 'orders_mean', 'orders_var') : null,
          spendPerMember: complete ? compare(t, h, 'spend_mean', 'spend_var') : null,
        };
      }),
    };
  }
}
