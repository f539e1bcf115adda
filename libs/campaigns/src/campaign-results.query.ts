import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, Clock } from '@vafa/platform';
import type { CampaignResultsDto } from './campaign-results.dto';
import { CampaignsRepository } from './campaigns.repository';
import {
  isMeasurable,
  MIN_GROUP_SIZE,
  minimumDetectableEffect,
  pooledSd,
  rateSd,
} from './holdout-power';

interface GroupRow {
  run_id: string;
  assigned_group: 'treated' | 'holdout';
  members: number;
  orders_mean: number | null;
  orders_var: number | null;
  spend_mean: number | null;
  spend_var: number | null;
  /** Share of the group's members with a purchase in the follow-up window. */
  buyers_mean: number | null;
}

export interface MinimumDetectableEffect {
  /** observed: from the follow-up window; baseline: before it is complete. */
  basis: 'observed' | 'baseline';
  /** The purchase rate p used for s = √(p(1-p)). */
  purchaseRateAssumed: number;
  /** Difference in the share of members who purchase (0..1); null when a group is empty. */
  purchaseRate: number | null;
  /** Difference in spend per member (minor units), from the pooled SD; null before follow-up. */
  spendPerMember: number | null;
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
  if (!t || !h) {
    return null;
  }
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

const usableRate = (p: number | null): number | null => (p !== null && p > 0 && p < 1 ? p : null);

/**
 * The smallest uplift the run's group sizes can detect (95 % confidence, 80 % power): from the
 * observed follow-up once complete, before that for the purchase rate with p from the baseline
 * (the run's members' purchase rate over the followUpDays before it).
 */
function power(
  treated: number,
  holdout: number,
  complete: boolean,
  t: GroupRow | undefined,
  h: GroupRow | undefined,
  baseline: number | null,
): { measurable: boolean; minimumDetectableEffect: MinimumDetectableEffect } {
  let rate = baseline;
  let spendSd: number | null = null;
  if (complete && t && h) {
    rate =
      (Number(t.buyers_mean ?? 0) * t.members + Number(h.buyers_mean ?? 0) * h.members) /
      (t.members + h.members);
    spendSd = pooledSd(
      { members: t.members, mean: Number(t.spend_mean ?? 0), variance: t.spend_var },
      { members: h.members, mean: Number(h.spend_mean ?? 0), variance: h.spend_var },
    );
  }
  const purchaseRate = minimumDetectableEffect(rateSd(rate), treated, holdout);
  return {
    measurable: isMeasurable(treated, holdout, purchaseRate, rate),
    minimumDetectableEffect: {
      basis: complete && t && h ? 'observed' : 'baseline',
      purchaseRateAssumed: usableRate(rate) ?? 0.5,
      purchaseRate,
      spendPerMember: minimumDetectableEffect(spendSd, treated, holdout),
    },
  };
}

const powerNote = (
  treated: number,
  holdout: number,
  mde: number | null,
  measurable: boolean,
): string | null => {
  if (holdout === 0) {
    return 'The holdout is empty: uplift cannot be measured for this run.';
  }
  if (treated < MIN_GROUP_SIZE || holdout < MIN_GROUP_SIZE) {
    return `Uplift needs at least ${MIN_GROUP_SIZE} members in each group; treated ${treated}, holdout ${holdout}.`;
  }
  if (!measurable) {
    return `The groups are too small: they detect only a difference in purchase rate of ${((mde ?? 1) * 100).toFixed(0)} points or more, more than the rate can rise.`;
  }
  return null;
};

/** Per run, treated against holdout: purchases and spend per member over the follow-up window. */
@Injectable()
export class CampaignResultsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly clock: Clock,
  ) {}

  async results(campaignId: string): Promise<CampaignResultsDto> {
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
        value_basis: 'clv' | 'spend' | null;
      }[]
    >(
      `SELECT id, started_at, finished_at, status, trigger, eligible, holdout, granted, skipped, value_basis FROM campaign_runs
       WHERE campaign_id = $1 ORDER BY started_at DESC LIMIT 100`,
      [campaignId],
    );
    const groups = await this.dataSource.query<GroupRow[]>(
      // Per member first (grouped by the distribution column, so Citus runs it shard by shard),
      // then per run and group.
      `SELECT run_id, assigned_group, count(*)::int AS members,
              avg(orders)::float8 AS orders_mean, var_samp(orders)::float8 AS orders_var,
              avg(spend)::float8 AS spend_mean, var_samp(spend)::float8 AS spend_var,
              avg((orders > 0)::int)::float8 AS buyers_mean
       FROM (
         SELECT a.run_id, a.assigned_group, a.member_id, count(o.member_id) AS orders,
                coalesce(sum(o.gross_total), 0) AS spend
         FROM campaign_assignments a
         JOIN campaign_runs r ON r.id = a.run_id
         LEFT JOIN order_net_values o ON o.member_id = a.member_id AND o.occurred_at > r.started_at
           AND o.occurred_at <= r.started_at + make_interval(days => $2)
         WHERE a.campaign_id = $1 AND a.assigned_group IN ('treated', 'holdout')
         GROUP BY a.run_id, a.assigned_group, a.member_id
       ) p
       GROUP BY run_id, assigned_group`,
      [campaignId, campaign.followUpDays],
    );
    const baselines = await this.dataSource.query<{ run_id: string; rate: number | null }[]>(
      `SELECT run_id, avg(bought)::float8 AS rate
       FROM (
         SELECT a.run_id, a.member_id, (count(o.member_id) > 0)::int AS bought
         FROM campaign_assignments a
         JOIN campaign_runs r ON r.id = a.run_id
         LEFT JOIN order_net_values o ON o.member_id = a.member_id
           AND o.occurred_at > r.started_at - make_interval(days => $2) AND o.occurred_at <= r.started_at
         WHERE a.campaign_id = $1 AND a.assigned_group IN ('treated', 'holdout')
         GROUP BY a.run_id, a.member_id
       ) p
       GROUP BY run_id`,
      [campaignId, campaign.followUpDays],
    );
    const now = this.clock.now();
    return {
      campaignId,
      followUpDays: campaign.followUpDays,
      runs: runs.map((run) => {
        const endsAt = addDays(run.started_at, campaign.followUpDays);
        const complete = now >= endsAt;
        const t = groups.find((g) => g.run_id === run.id && g.assigned_group === 'treated');
        const h = groups.find((g) => g.run_id === run.id && g.assigned_group === 'holdout');
        const baseline = baselines.find((b) => b.run_id === run.id)?.rate ?? null;
        const { measurable, minimumDetectableEffect: mde } = power(
          run.granted,
          run.holdout,
          complete,
          t,
          h,
          baseline === null ? null : Number(baseline),
        );
        return {
          runId: run.id,
          startedAt: run.started_at.toISOString(),
          status: run.status,
          trigger: run.trigger,
          eligible: run.eligible,
          treated: run.granted,
          holdout: run.holdout,
          skipped: run.skipped,
          valueBasis: run.value_basis,
          measurable,
          minimumDetectableEffect: mde,
          powerNote: powerNote(run.granted, run.holdout, mde.purchaseRate, measurable),
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
