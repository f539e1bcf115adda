import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Clock,
  DomainError,
  EventOutbox,
  type EventPayload,
  inTransaction,
  type OutboxEvent,
  queryRows,
} from '@vafa/platform';
import { BulkCreditUseCase, lotDates, ProgramSettingsService } from '@vafa/ledger';
import { fulfilmentOf, RewardGrantService } from '@vafa/rewards';
import {
  audienceCondition,
  SPEND_WINDOW_DAYS,
  type ValueBasis,
  type ValueRanking,
  valueRanking,
} from './audience.sql';
import type { CampaignDto } from './campaign.dto';
import { CampaignEntity } from './campaign.entity';
import { CampaignsService } from './campaigns.service';
import type {
  CampaignGiftGrantedEventData,
  CampaignRunCompletedEventData,
  GiftGrantedDto,
} from './events/campaign.events';
import { lockGiftSupply } from './gift-supply';
import {
  holdoutSize,
  isMeasurable,
  MIN_GROUP_SIZE,
  minimumDetectableEffect,
  rateSd,
} from './holdout-power';

export interface RunWarning {
  /** HOLDOUT_EMPTY, HOLDOUT_TOO_SMALL, CLV_NOT_AVAILABLE */
  code: string;
  message: string;
}

export interface RunResult {
  runId: string | null;
  dryRun: boolean;
  eligible: number;
  holdout: number;
  granted: number;
  skipped: number;
  /** Skipped members by reason: chance, cooldown, budget, reward_out_of_stock, reward_not_found. */
  skippedReasons: Record<string, number>;
  budgetLeft: { grantsThisRun: number | null; points: number | null };
  /** Points this run grants (a reward or perk gift costs none). */
  pointsCost: number;
  /** What top_clv_percent ranked by; null when the audience does not rank by value. */
  valueBasis: ValueBasis | null;
  warnings: RunWarning[];
}

interface BatchCounts {
  eligible: number;
  holdout: number;
  granted: number;
  skipped: number;
  skippedReasons: Record<string, number>;
}

interface Run {
  id: string;
  seed: string;
  startedAt: Date;
  granted: number;
}

/** The last member (by holdout draw, then id) of the run's holdout; null for no holdout. */
interface HoldoutCutoff {
  draw: number;
  memberId: string;
}

class DryRunRollback extends Error {}

/** The reward fields of a points gift. */
const NO_REWARD = {
  rewardId: null,
  redemptionId: null,
  name: null,
  rewardType: null,
  code: null,
  expiresAt: null,
} as const;

/** A uniform draw in [0, 1) from the run's seed, the member and a purpose: the same on a rerun. */
const draw = (seed: string, purpose: string, member = 'c.member_id'): string =>
  `(('x' || substr(md5(${seed} || ':${purpose}:' || ${member}::text), 1, 8))::bit(32)::bigint / 4294967296.0)::float8`;

/**
 * Runs a campaign over its audience in batches of members: the holdout is exactly
 * floor(eligible × holdoutPercent / 100) members, those with the lowest holdout draws; each
 * batch in one transaction draws chance, applies cooldown (to holdout members too, so a control member is not
 * surprised by the next run while still measured) and budget, records one assignment per (campaign, run,
 * member) and grants the treated members set-based. A crashed run is resumed by the next run
 * (same run id and seed), and runs of one campaign queue on an advisory lock.
 */
@Injectable()
export class CampaignRunner {
  private readonly logger = new Logger(CampaignRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly program: ProgramSettingsService,
    private readonly bulkCredit: BulkCreditUseCase,
    private readonly rewards: RewardGrantService,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async run(
    campaignId: string,
    options: { dryRun?: boolean; trigger: string; batchSize?: number },
  ): Promise<RunResult> {
    const campaign = await this.campaigns.get(campaignId);
    const now = this.clock.now();
    // A dry run previews a draft (or a campaign outside its dates) as it would run now.
    if (
      !options.dryRun &&
      (!campaign.active ||
        (campaign.activeFrom && now < campaign.activeFrom) ||
        (campaign.activeUntil && now >= campaign.activeUntil))
    ) {
      throw new DomainError(422, 'CAMPAIGN_NOT_ACTIVE', 'The campaign is not active now.');
    }
    const batchSize = options.batchSize ?? 2000;
    if (options.dryRun) {
      return this.dryRun(() => Promise.resolve(campaign), options.trigger, batchSize);
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`vafa:campaign:${campaign.id}`]);
      try {
        const run = await this.startOrResume(campaign, options.trigger);
        const result = await this.process(campaign, run, batchSize);
        await inTransaction(this.dataSource, (manager) => this.complete(manager, campaign, run));
        return { ...result, runId: run.id, dryRun: false };
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [
          `vafa:campaign:${campaign.id}`,
        ]);
      }
    } finally {
      await runner.release();
    }
  }

  /** Marks the run completed and emits campaign.run_completed with its counts, once. */
  private async complete(
    manager: EntityManager,
    campaign: CampaignEntity,
    run: Run,
  ): Promise<void> {
    const finishedAt = this.clock.now();
    const [done] = await queryRows<{
      trigger: string;
      eligible: number;
      holdout: number;
      granted: number;
      skipped: number;
    }>(
      manager,
      `UPDATE campaign_runs SET status = 'completed', finished_at = $2 WHERE id = $1 AND status = 'running'
       RETURNING trigger, eligible, holdout, granted, skipped`,
      [run.id, finishedAt],
    );
    if (!done) {
      return;
    }
    const reasons = await manager.query<{ reason: string; n: number }[]>(
      `SELECT reason, count(*)::int AS n FROM campaign_assignments
       WHERE run_id = $1 AND assigned_group = 'skipped' GROUP BY reason`,
      [run.id],
    );
    const skippedReasons = {
      chance: 0,
      cooldown: 0,
      budget: 0,
      reward_out_of_stock: 0,
      reward_not_found: 0,
      ...Object.fromEntries(reasons.map((r) => [r.reason, r.n])),
    };
    const data: EventPayload<CampaignRunCompletedEventData> = {
      campaignId: campaign.id,
      campaignName: campaign.name,
      runId: run.id,
      trigger: done.trigger,
      startedAt: run.startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      eligible: done.eligible,
      holdout: done.holdout,
      granted: done.granted,
      skipped: done.skipped,
      skippedReasons,
      pointsGranted: campaign.gift.type === 'points' ? done.granted * campaign.gift.points : 0,
    };
    await this.events.emit(manager, { type: 'campaign.run_completed', data });
  }

  /**
   * A dry run of a campaign body that is not stored: the campaign is written, run and rolled
   * back in one transaction, so the answer is exactly a dry run's and nothing remains.
   */
  async preview(input: CampaignDto): Promise<RunResult> {
    const fields = await this.campaigns.fields(input);
    return this.dryRun(
      async (manager) => {
        const { id } = await this.campaigns.insert(manager, fields);
        return manager.getRepository(CampaignEntity).findOneByOrFail({ id });
      },
      'preview',
      2000,
    );
  }

  /** Runs the campaign `load` gives in one transaction that is always rolled back. */
  private async dryRun(
    load: (manager: EntityManager) => Promise<CampaignEntity>,
    trigger: string,
    batchSize: number,
  ): Promise<RunResult> {
    let result: RunResult | undefined;
    await inTransaction(this.dataSource, async (manager) => {
      const campaign = await load(manager);
      const run: Run = {
        id: randomUUID(),
        seed: randomUUID(),
        startedAt: this.clock.now(),
        granted: 0,
      };
      await this.insertRun(manager, campaign, run, trigger);
      result = {
        ...(await this.process(campaign, run, batchSize, manager)),
        runId: null,
        dryRun: true,
      };
      throw new DryRunRollback();
    }).catch((error: unknown) => {
      if (!(error instanceof DryRunRollback)) {
        throw error;
      }
    });
    if (!result) {
      throw new Error('dry run produced no result');
    }
    return result;
  }

  private async insertRun(
    manager: EntityManager,
    campaign: CampaignEntity,
    run: Run,
    trigger: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO campaign_runs (id, campaign_id, started_at, status, trigger, seed) VALUES ($1, $2, $3, 'running', $4, $5)`,
      [run.id, campaign.id, run.startedAt, trigger, run.seed],
    );
  }

  private async startOrResume(campaign: CampaignEntity, trigger: string): Promise<Run> {
    const [unfinished] = await this.dataSource.query<
      { id: string; seed: string; started_at: Date; granted: number }[]
    >(
      `SELECT id, seed, started_at, granted FROM campaign_runs WHERE campaign_id = $1 AND status = 'running' ORDER BY started_at LIMIT 1`,
      [campaign.id],
    );
    if (unfinished) {
      this.logger.warn({ runId: unfinished.id }, 'resuming an unfinished campaign run');
      return {
        id: unfinished.id,
        seed: unfinished.seed,
        startedAt: unfinished.started_at,
        granted: unfinished.granted,
      };
    }
    const run: Run = {
      id: randomUUID(),
      seed: randomUUID(),
      startedAt: this.clock.now(),
      granted: 0,
    };
    await this.insertRun(this.dataSource.manager, campaign, run, trigger);
    return run;
  }

  /** All batches; in `manager` (a dry run's single transaction) or each batch in its own. */
  private async process(
    campaign: CampaignEntity,
    run: Run,
    batchSize: number,
    manager?: EntityManager,
  ): Promise<Omit<RunResult, 'runId' | 'dryRun'>> {
    const db = manager ?? this.dataSource.manager;
    const settings = await this.program.get(manager);
    const ranking = await valueRanking(db, campaign.audience, run.startedAt);
    await db.query('UPDATE campaign_runs SET value_basis = $2 WHERE id = $1', [
      run.id,
      ranking.basis,
    ]);
    const holdout = await this.holdoutCutoff(db, campaign, run, ranking, settings.timeZone);
    const totals: BatchCounts = {
      eligible: 0,
      holdout: 0,
      granted: 0,
      skipped: 0,
      skippedReasons: {},
    };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const params: unknown[] = [after, batchSize];
      const condition = audienceCondition(
        campaign.audience,
        params,
        run.startedAt,
        settings.timeZone,
        ranking,
        '$1',
      );
      const batch = await db.query<{ id: string }[]>(
        `SELECT m.id FROM members m WHERE m.id > $1 AND ${condition} ORDER BY m.id LIMIT $2`,
        params,
      );
      if (batch.length === 0) {
        break;
      }
      after = batch[batch.length - 1]?.id ?? after;
      const ids = batch.map((b) => b.id);
      const counts = manager
        ? await this.batch(manager, campaign, run, ids, holdout)
        : await inTransaction(this.dataSource, (m) => this.batch(m, campaign, run, ids, holdout));
      totals.eligible += counts.eligible;
      totals.holdout += counts.holdout;
      totals.granted += counts.granted;
      totals.skipped += counts.skipped;
      for (const [reason, n] of Object.entries(counts.skippedReasons)) {
        totals.skippedReasons[reason] = (totals.skippedReasons[reason] ?? 0) + n;
      }
      if (batch.length < batchSize) {
        break;
      }
    }
    const [latest] = await db.query<{ granted: number; points: string }[]>(
      `SELECT r.granted, c.points_granted AS points FROM campaign_runs r JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = $1`,
      [run.id],
    );
    return {
      ...totals,
      budgetLeft: {
        grantsThisRun:
          campaign.maxGrantsPerRun === null
            ? null
            : campaign.maxGrantsPerRun - (latest?.granted ?? 0),
        points:
          campaign.maxPointsTotal === null
            ? null
            : Number(campaign.maxPointsTotal) - Number(latest?.points ?? 0),
      },
      pointsCost: totals.granted * (campaign.gift.type === 'points' ? campaign.gift.points : 0),
      valueBasis: ranking.basis,
      warnings: this.warnings(campaign, totals, ranking),
    };
  }

  /**
   * The holdout's cut-off over the whole audience, found once per run: the audience ranked by
   * holdout draw (then id), the member at floor(eligible × holdoutPercent / 100). A share of a
   * small audience can round down to nobody (see warnings).
   */
  private async holdoutCutoff(
    db: EntityManager,
    campaign: CampaignEntity,
    run: Run,
    ranking: ValueRanking,
    timeZone: string,
  ): Promise<HoldoutCutoff | null> {
    if (campaign.holdoutPercent <= 0) {
      return null;
    }
    const params: unknown[] = [];
    const condition = audienceCondition(
      campaign.audience,
      params,
      run.startedAt,
      timeZone,
      ranking,
    );
    const [counted] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM members m WHERE ${condition}`,
      params,
    );
    const size = holdoutSize(counted?.n ?? 0, campaign.holdoutPercent);
    if (size === 0) {
      return null;
    }
    params.push(run.seed, size);
    const [row] = await db.query<{ id: string; d: number }[]>(
      `SELECT m.id, ${draw(`$${params.length - 1}`, 'holdout', 'm.id')} AS d FROM members m WHERE ${condition}
       ORDER BY d, m.id OFFSET $${params.length}::int - 1 LIMIT 1`,
      params,
    );
    return row ? { draw: row.d, memberId: row.id } : null;
  }

  /** What the marketer should know about a run: an unmeasurable holdout, a value proxy. */
  private warnings(
    campaign: CampaignEntity,
    totals: BatchCounts,
    ranking: ValueRanking,
  ): RunWarning[] {
    const warnings: RunWarning[] = [];
    const { eligible, holdout } = totals;
    const treated = totals.granted;
    if (campaign.holdoutPercent > 0 && eligible > 0 && holdout === 0) {
      const needed = Math.ceil((100 * MIN_GROUP_SIZE) / campaign.holdoutPercent);
      warnings.push({
        code: 'HOLDOUT_EMPTY',
        message:
          `No one was assigned to the holdout: ${campaign.holdoutPercent}% of ${eligible} eligible ` +
          `member${eligible === 1 ? '' : 's'} rounds down to 0, so this run's uplift cannot be measured. ` +
          `A holdout of ${MIN_GROUP_SIZE} needs at least ${needed} eligible members at ${campaign.holdoutPercent}%.`,
      });
    } else if (campaign.holdoutPercent > 0 && holdout > 0) {
      const mde = minimumDetectableEffect(rateSd(null), treated, holdout);
      if (!isMeasurable(treated, holdout, mde, null)) {
        warnings.push({
          code: 'HOLDOUT_TOO_SMALL',
          message:
            `The holdout (${holdout}) and treated group (${treated}) are too small to measure uplift: ` +
            (mde === null
              ? 'a group is empty.'
              : `the smallest detectable difference in purchase rate (95% confidence, 80% power, ` +
                `p = 0.5) is ${(mde * 100).toFixed(0)} points, more than the rate can rise.`),
        });
      }
    }
    if (ranking.basis === 'spend') {
      warnings.push({
        code: 'CLV_NOT_AVAILABLE',
        message:
          'No insight model has been fitted (POST /v1/insights/models/fit says what history it needs), ' +
          `so top_clv_percent ranked members by net spend over the last ${SPEND_WINDOW_DAYS} days ` +
          '(ties: the most recent purchase first).',
      });
    }
    return warnings;
  }

  private async batch(
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
    // Both look-ups of assignments stay within the batch's members, whatever the plan: the
    // cooldown member by member (LIMIT 1 in a lateral join keeps it an index probe; as an EXISTS,
    // PostgreSQL may hash all of the campaign's assignments), and the run's own through
    // `member_id = ANY($1)` (a merge join would otherwise read the run's assignments from the start).
    const drawn = await manager.query<{ member_id: string; assigned: string }[]>(
      `WITH c AS (SELECT unnest($1::uuid[]) AS member_id)
       SELECT c.member_id,
              CASE WHEN (${draw('$2', 'holdout')}, c.member_id) <= ($3::float8, $8::uuid) THEN 'holdout'
                   WHEN ${draw('$2', 'chance')} >= $4::float8 THEN 'skipped:chance'
                   WHEN cooldown.hit THEN 'skipped:cooldown'
                   ELSE 'treated' END AS assigned
       FROM c
       LEFT JOIN LATERAL (SELECT true AS hit FROM campaign_assignments a WHERE a.campaign_id = $5 AND a.member_id = c.member_id
                            AND a.assigned_group IN ('treated', 'holdout') AND a.run_id <> $6 AND a.created_at > $7 LIMIT 1) cooldown ON true
       WHERE NOT EXISTS (SELECT 1 FROM campaign_assignments a WHERE a.campaign_id = $5 AND a.run_id = $6 AND a.member_id = c.member_id
                           AND a.member_id = ANY($1::uuid[]))
       ORDER BY c.member_id`,
      [
        ids,
        run.seed,
        holdout?.draw ?? -1,
        campaign.probability,
        campaign.id,
        run.id,
        new Date(run.startedAt.getTime() - campaign.cooldownDays * 86_400_000),
        holdout?.memberId ?? '00000000-0000-0000-0000-000000000000',
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
    await this.grant(manager, campaign, run, treated);
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

  private async grant(
    manager: EntityManager,
    campaign: CampaignEntity,
    run: Run,
    members: string[],
  ): Promise<void> {
    if (members.length === 0) {
      return;
    }
    const gift = campaign.gift;
    const granted = (
      memberId: string,
      given: GiftGrantedDto,
      fulfilment: CampaignGiftGrantedEventData['fulfilment'],
    ): OutboxEvent => {
      const data: EventPayload<CampaignGiftGrantedEventData> = {
        memberId,
        campaignId: campaign.id,
        campaignName: campaign.name,
        runId: run.id,
        gift: given,
        fulfilment,
      };
      return { type: 'campaign.gift_granted', memberId, data };
    };
    const events: OutboxEvent[] = [];
    if (gift.type === 'points') {
      const settings = await this.program.get(manager);
      const credited = await this.bulkCredit.execute(
        {
          grants: members.map((memberId) => ({
            memberId,
            points: gift.points,
            idempotencyKey: `campaign:${run.id}:${memberId}`,
          })),
          kind: 'campaign',
          description: `A surprise from us: ${gift.points} bonus points, just because`,
          source: 'program:issued',
          reference: { campaignId: campaign.id, runId: run.id },
          occurredAt: run.startedAt,
          expiresAt: lotDates({ ...settings, pointsPendingDays: 0 }, run.startedAt).expiresAt,
        },
        manager,
      );
      for (const { memberId, transactionId } of credited) {
        const given = { ...NO_REWARD, type: gift.type, points: gift.points, transactionId };
        events.push(granted(memberId, given, null));
      }
    } else {
      const rewardId = gift.type === 'reward' ? gift.rewardId : gift.perk;
      for (const memberId of members) {
        const issued = await this.rewards.grantFree(
          manager,
          memberId,
          rewardId,
          `campaign:${run.id}:${memberId}`,
          campaign.name,
        );
        if (issued.replayed) {
          continue;
        }
        const given: GiftGrantedDto = {
          type: gift.type,
          points: null,
          transactionId: null,
          rewardId: issued.rewardId,
          redemptionId: issued.redemptionId,
          name: issued.name,
          rewardType: issued.type,
          code: issued.code ?? null,
          expiresAt: issued.expiresAt ?? null,
        };
        events.push(granted(memberId, given, fulfilmentOf(issued)));
      }
    }
    await this.events.emitMany(manager, events);
  }
}
