import { Injectable } from '@nestjs/common';
import { CronExpressionParser } from 'cron-parser';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditActor,
  AuditLog,
  inTransaction,
  Page,
  pageNewestFirst,
  PageQuery,
  validationFailed,
} from '@vafa/platform';
import { RewardsRepository } from '@vafa/rewards';
import type { AudienceCriterionDto, CampaignDto, GiftDto } from './campaign.dto';
import type { CampaignViewDto } from './campaign-view.dto';
import { AudienceCriterion, CampaignEntity, CampaignGift } from './campaign.entity';
import { campaignNotFound, giftRewardNotFound } from './campaigns.errors';

/** The gift as PUT takes it back: a perk names its catalog reward as `rewardId`. */
const giftView = (gift: CampaignGift): GiftDto =>
  gift.type === 'perk' ? { type: 'perk', rewardId: gift.perk } : gift;

export const toCampaignView = (c: CampaignEntity): CampaignViewDto => ({
  id: c.id,
  name: c.name,
  active: c.active,
  schedule: c.schedule,
  audience: c.audience,
  gift: giftView(c.gift),
  probability: c.probability,
  cooldownDays: c.cooldownDays,
  holdoutPercent: c.holdoutPercent,
  budget: {
    maxGrantsPerRun: c.maxGrantsPerRun,
    maxPointsTotal: c.maxPointsTotal === null ? null : Number(c.maxPointsTotal),
  },
  pointsGranted: Number(c.pointsGranted),
  followUpDays: c.followUpDays,
  activeFrom: c.activeFrom?.toISOString() ?? null,
  activeUntil: c.activeUntil?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
});

function criterion(c: AudienceCriterionDto): AudienceCriterion {
  const p = c.params ?? {};
  const need = (ok: boolean, what: string): void => {
    if (!ok) {
      throw validationFailed(`audience ${c.segment} needs ${what}.`);
    }
  };
  switch (c.segment) {
    case 'top_clv_percent':
      need(p.percent !== undefined, 'params.percent');
      return { segment: c.segment, params: { percent: p.percent } };
    case 'rfm_segment':
      need(!!p.segments?.length, 'params.segments');
      return { segment: c.segment, params: { segments: p.segments } };
    case 'tier':
      need(!!p.tiers?.length, 'params.tiers');
      return { segment: c.segment, params: { tiers: p.tiers } };
    case 'inactive_days':
      need(p.days !== undefined, 'params.days');
      return { segment: c.segment, params: { days: p.days } };
    case 'birthday_today':
    case 'all':
      return { segment: c.segment };
  }
}

@Injectable()
export class CampaignsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly rewards: RewardsRepository,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(CampaignEntity);
  }

  async get(id: string): Promise<CampaignEntity> {
    const campaign = await this.repository.findOneBy({ id });
    if (!campaign) {
      throw campaignNotFound();
    }
    return campaign;
  }

  list(query: PageQuery): Promise<Page<CampaignViewDto>> {
    return pageNewestFirst(
      this.repository.createQueryBuilder('c'),
      'created_at',
      query,
      (c) => c.createdAt,
      toCampaignView,
    );
  }

  async create(input: CampaignDto, actor: AuditActor): Promise<CampaignViewDto> {
    const fields = await this.fields(input);
    return inTransaction(this.dataSource, async (manager) => {
      const created = await this.insert(manager, fields);
      await this.record(manager, actor, 'create', null, created);
      return created;
    });
  }

  /** Stores a campaign through `manager` (a preview's transaction, which is then rolled back). */
  async insert(manager: EntityManager, fields: Partial<CampaignEntity>): Promise<CampaignViewDto> {
    const campaigns = manager.getRepository(CampaignEntity);
    return toCampaignView(await campaigns.save(campaigns.create(fields)));
  }

  async replace(id: string, input: CampaignDto, actor: AuditActor): Promise<CampaignViewDto> {
    await this.get(id);
    const fields = await this.fields(input);
    return this.change(id, actor, 'update', fields);
  }

  /** Deactivates it for good: it stays listed with its runs and results. */
  async remove(id: string, actor: AuditActor): Promise<void> {
    await this.change(id, actor, 'delete', { active: false });
  }

  private change(
    id: string,
    actor: AuditActor,
    action: 'update' | 'delete',
    fields: Partial<CampaignEntity>,
  ): Promise<CampaignViewDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const campaigns = manager.getRepository(CampaignEntity);
      const before = await campaigns.findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) {
        throw campaignNotFound();
      }
      await campaigns.update({ id }, fields);
      const after = toCampaignView(await campaigns.findOneByOrFail({ id }));
      await this.record(manager, actor, action, toCampaignView(before), after);
      return after;
    });
  }

  private record(
    manager: EntityManager,
    actor: AuditActor,
    action: 'create' | 'update' | 'delete',
    before: CampaignViewDto | null,
    after: CampaignViewDto,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor,
      action,
      resourceType: 'campaign',
      resourceId: after.id,
      before,
      after,
    });
  }

  /** The stored columns for a campaign body, checked (schedule, dates, audience, gift). */
  async fields(input: CampaignDto): Promise<Partial<CampaignEntity>> {
    if (input.schedule) {
      try {
        CronExpressionParser.parse(input.schedule);
      } catch {
        throw validationFailed('schedule must be a cron expression such as "0 10 * * 1".');
      }
    }
    if (input.activeFrom && input.activeUntil && input.activeFrom >= input.activeUntil) {
      throw validationFailed('activeUntil must be after activeFrom.');
    }
    const { and, ...first } = input.audience;
    const audience = [first, ...(and ?? [])].map(criterion);
    return {
      name: input.name,
      active: input.active ?? true,
      schedule: input.schedule ?? null,
      audience,
      gift: await this.gift(input.gift),
      probability: input.probability ?? 1,
      cooldownDays: input.cooldownDays ?? 0,
      holdoutPercent: input.holdoutPercent ?? 0,
      maxGrantsPerRun: input.budget?.maxGrantsPerRun ?? null,
      maxPointsTotal: input.budget?.maxPointsTotal ?? null,
      followUpDays: input.followUpDays ?? 30,
      activeFrom: input.activeFrom ? new Date(input.activeFrom) : null,
      activeUntil: input.activeUntil ? new Date(input.activeUntil) : null,
    };
  }

  private async gift(gift: CampaignDto['gift']): Promise<CampaignGift> {
    if (gift.type === 'points') {
      if (!gift.points) {
        throw validationFailed('A points gift needs points.');
      }
      return { type: 'points', points: gift.points };
    }
    if (!gift.rewardId) {
      throw validationFailed(`A ${gift.type} gift needs a rewardId.`);
    }
    const reward = await this.rewards.find(gift.rewardId);
    if (!reward) {
      throw giftRewardNotFound();
    }
    if (gift.type === 'perk' && reward.type !== 'service_perk') {
      throw validationFailed('A perk gift must name a service_perk reward.');
    }
    return gift.type === 'perk'
      ? { type: 'perk', perk: gift.rewardId }
      : { type: 'reward', rewardId: gift.rewardId };
  }
}
