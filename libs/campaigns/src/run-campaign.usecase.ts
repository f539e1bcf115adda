import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Clock,
  EventOutbox,
  type EventPayload,
  inTransaction,
  queryRows,
  withQueuedAdvisoryLock,
} from '@vafa/platform';
import { ProgramSettingsRepository } from '@vafa/ledger';
import { AssignCampaignBatchUseCase } from './assign-campaign-batch.usecase';
import { audienceCondition, type ValueRanking, valueRanking } from './audience.query';
import {
  type BatchCounts,
  draw,
  type HoldoutCutoff,
  type Run,
  type RunResult,
} from './campaign-run';
import { runWarnings } from './campaign-run-warnings';
import type { CampaignDto } from './campaign.dto';
import { CampaignEntity } from './campaign.entity';
import { campaignNotActive } from './campaigns.errors';
import { CampaignsRepository } from './campaigns.repository';
import type { CampaignRunCompletedEventData } from './events/campaign-events.dto';
import { holdoutSize } from './holdout-power';

class DryRunRollback extends Error {}

/**
 * Runs a campaign over its audience in batches of members (AssignCampaignBatchUseCase, each in
 * its own transaction): the holdout is exactly floor(eligible × holdoutPercent / 100) members,
 * those with the lowest holdout draws. A crashed run is resumed by the next run (same run id and
 * seed), and runs of one campaign queue on an advisory lock.
 */
@Injectable()
export class RunCampaignUseCase {
  private readonly logger = new Logger(RunCampaignUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly program: ProgramSettingsRepository,
    private readonly batches: AssignCampaignBatchUseCase,
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
      throw campaignNotActive();
    }
    const batchSize = options.batchSize ?? 2000;
    if (options.dryRun) {
      return this.dryRun(() => Promise.resolve(campaign), options.trigger, batchSize);
    }
    return withQueuedAdvisoryLock(this.dataSource, `vafa:campaign:${campaign.id}`, async () => {
      const run = await this.startOrResume(campaign, options.trigger);
      const result = await this.process(campaign, run, batchSize);
      await inTransaction(this.dataSource, (manager) => this.complete(manager, campaign, run));
      return { ...result, runId: run.id, dryRun: false };
    });
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
        `SELECT m.id FROM member_profiles m WHERE m.id > $1 AND ${condition} ORDER BY m.id LIMIT $2`,
        params,
      );
      if (batch.length === 0) {
        break;
      }
      after = batch[batch.length - 1]?.id ?? after;
      const ids = batch.map((b) => b.id);
      const counts = manager
        ? await this.batches.execute(manager, campaign, run, ids, holdout)
        : await inTransaction(this.dataSource, (m) =>
            this.batches.execute(m, campaign, run, ids, holdout),
          );
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
      warnings: runWarnings(campaign, totals, ranking),
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
      `SELECT count(*)::int AS n FROM member_profiles m WHERE ${condition}`,
      params,
    );
    const size = holdoutSize(counted?.n ?? 0, campaign.holdoutPercent);
    if (size === 0) {
      return null;
    }
    params.push(run.seed, size);
    const [row] = await db.query<{ id: string; d: number }[]>(
      `SELECT m.id, ${draw(`$${params.length - 1}`, 'holdout', 'm.id')} AS d FROM member_profiles m WHERE ${condition}
       ORDER BY d, m.id OFFSET $${params.length}::int - 1 LIMIT 1`,
      params,
    );
    return row ? { draw: row.d, memberId: row.id } : null;
  }
}
