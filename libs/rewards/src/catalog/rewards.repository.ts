import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import {
  AuditActor,
  AuditLog,
  inTransaction,
  Page,
  pageNewestFirst,
  queryRows,
} from '@vafa/platform';
import { rewardNotFound } from '../rewards.errors';
import { RewardDto, RewardInputDto, RewardListQuery } from './reward.dto';
import { RewardEntity, RewardType } from './reward.entity';

/** The reward's value as the API shows it: a number for discounts, text for the rest. */
export const rewardValue = (r: {
  type: RewardType;
  valueAmount: number | null;
  valueText: string | null;
}): number | string =>
  r.type === 'discount_amount' || r.type === 'discount_percent'
    ? (r.valueAmount ?? 0)
    : (r.valueText ?? '');

export const toRewardDto = (r: RewardEntity): RewardDto => ({
  id: r.id,
  name: r.name,
  description: r.description,
  type: r.type,
  pointsCost: r.pointsCost,
  value: rewardValue(r),
  stock: r.stock,
  stockRemaining: r.stockRemaining,
  perMemberLimit: r.perMemberLimit,
  tiers: r.tiers,
  validDays: r.validDays,
  activeFrom: r.activeFrom ? r.activeFrom.toISOString() : null,
  activeUntil: r.activeUntil ? r.activeUntil.toISOString() : null,
  active: r.active,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

type RewardColumns = Omit<
  RewardEntity,
  'id' | 'createdAt' | 'updatedAt' | 'stock' | 'stockRemaining'
>;

/** The stored terms for an input; every one is set, so this is also a full replacement. */
function toColumns(input: RewardInputDto): RewardColumns {
  const amount = input.type === 'discount_amount' || input.type === 'discount_percent';
  const perk = input.type === 'service_perk' || input.type === 'gift';
  return {
    name: input.name,
    description: input.description ?? null,
    type: input.type,
    pointsCost: input.pointsCost,
    valueAmount: amount ? Number(input.value) : null,
    valueText: amount
      ? null
      : perk
        ? String(input.value ?? input.name).trim()
        : String(input.value),
    perMemberLimit: input.perMemberLimit ?? null,
    tiers: input.tiers ?? [],
    validDays: input.validDays ?? null,
    activeFrom: input.activeFrom ? new Date(input.activeFrom) : null,
    activeUntil: input.activeUntil ? new Date(input.activeUntil) : null,
    active: input.active ?? true,
  };
}

/**
 * The marketers' reward catalog. Coupons and perks already issued keep the terms they were
 * issued with: changing or deleting a reward never touches them.
 */
@Injectable()
export class RewardsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  private get rewards(): Repository<RewardEntity> {
    return this.dataSource.getRepository(RewardEntity);
  }

  async create(input: RewardInputDto, actor: AuditActor): Promise<RewardDto> {
    const stock = input.stock ?? null;
    return inTransaction(this.dataSource, async (manager) => {
      const rewards = manager.getRepository(RewardEntity);
      const saved = await rewards.save(
        rewards.create({ ...toColumns(input), stock, stockRemaining: stock }),
      );
      const created = toRewardDto(await rewards.findOneByOrFail({ id: saved.id }));
      await this.record(manager, actor, 'create', null, created);
      return created;
    });
  }

  async get(id: string): Promise<RewardDto> {
    const reward = await this.find(id);
    if (!reward) {
      throw rewardNotFound();
    }
    return reward;
  }

  /** The reward `id` (a UUID), or null when there is none. */
  async find(id: string): Promise<RewardDto | null> {
    const reward = await this.rewards.findOneBy({ id });
    return reward ? toRewardDto(reward) : null;
  }

  /** Newest first. */
  async list(query: RewardListQuery): Promise<Page<RewardDto>> {
    const qb = this.rewards.createQueryBuilder('r');
    if (query.active !== undefined) {
      qb.andWhere('r.active = :active', { active: query.active });
    }
    return pageNewestFirst(qb, 'created_at', query, (r) => r.createdAt, toRewardDto);
  }

  /**
   * PUT: every field is replaced. A new `stock` moves the units left by the change (never below
   * 0), in the same statement, so it composes with redemptions racing it; a reward that had no
   * stock starts counting from the new one.
   */
  async replace(id: string, input: RewardInputDto, actor: AuditActor): Promise<RewardDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await this.lockReward(manager, id);
      await this.update(manager, id, input);
      const after = toRewardDto(await manager.getRepository(RewardEntity).findOneByOrFail({ id }));
      await this.record(manager, actor, 'update', before, after);
      return after;
    });
  }

  /** Removes it from the catalog; coupons and perks already issued stay valid. */
  async remove(id: string, actor: AuditActor): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const before = await this.lockReward(manager, id);
      await manager.getRepository(RewardEntity).delete({ id });
      await this.record(manager, actor, 'delete', before, null);
    });
  }

  /** The reward as GET shows it, locked until the change commits. */
  private async lockReward(manager: EntityManager, id: string): Promise<RewardDto> {
    const reward = await manager
      .getRepository(RewardEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!reward) {
      throw rewardNotFound();
    }
    return toRewardDto(reward);
  }

  private record(
    manager: EntityManager,
    actor: AuditActor,
    action: 'create' | 'update' | 'delete',
    before: RewardDto | null,
    after: RewardDto | null,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor,
      action,
      resourceType: 'reward',
      resourceId: (after ?? before)?.id ?? '',
      before,
      after,
    });
  }

  private async update(manager: EntityManager, id: string, input: RewardInputDto): Promise<void> {
    const c = toColumns(input);
    await queryRows<unknown>(
      manager,
      `UPDATE rewards SET name = $2, description = $3, type = $4, points_cost = $5, value_amount = $6,
         value_text = $7, per_member_limit = $8, tiers = $9, valid_days = $10, active_from = $11,
         active_until = $12, active = $13,
         stock_remaining = CASE WHEN $14::int IS NULL THEN NULL
                                WHEN stock IS NULL THEN $14::int
                                ELSE GREATEST(stock_remaining + ($14::int - stock), 0) END,
         stock = $14::int, updated_at = now()
       WHERE id = $1 RETURNING id`,
      [
        id,
        c.name,
        c.description,
        c.type,
        c.pointsCost,
        c.valueAmount,
        c.valueText,
        c.perMemberLimit,
        JSON.stringify(c.tiers),
        c.validDays,
        c.activeFrom,
        c.activeUntil,
        c.active,
        input.stock ?? null,
      ],
    );
  }
}
