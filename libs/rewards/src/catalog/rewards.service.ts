import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { Page, pageNewestFirst, queryRows } from '@vafa/platform';
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
export class RewardsService {
  constructor(private readonly dataSource: DataSource) {}

  private get rewards(): Repository<RewardEntity> {
    return this.dataSource.getRepository(RewardEntity);
  }

  async create(input: RewardInputDto): Promise<RewardDto> {
    const stock = input.stock ?? null;
    const reward = await this.rewards.save(
      this.rewards.create({ ...toColumns(input), stock, stockRemaining: stock }),
    );
    return this.get(reward.id);
  }

  async get(id: string): Promise<RewardDto> {
    const reward = await this.rewards.findOneBy({ id });
    if (!reward) throw rewardNotFound();
    return toRewardDto(reward);
  }

  /** Newest first. */
  async list(query: RewardListQuery): Promise<Page<RewardDto>> {
    const qb = this.rewards.createQueryBuilder('r');
    if (query.active !== undefined) qb.andWhere('r.active = :active', { active: query.active });
    return pageNewestFirst(qb, 'created_at', query, (r) => r.createdAt, toRewardDto);
  }

  /**
   * PUT: every field is replaced. A new `stock` moves the units left by the change (never below
   * 0), in the same statement, so it composes with redemptions racing it; a reward that had no
   * stock starts counting from the new one.
   */
  async replace(id: string, input: RewardInputDto): Promise<RewardDto> {
    const c = toColumns(input);
    const rows = await queryRows<unknown>(
      this.dataSource.manager,
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
    if (rows.length === 0) throw rewardNotFound();
    return this.get(id);
  }

  /** Removes it from the catalog; coupons and perks already issued stay valid. */
  async remove(id: string): Promise<void> {
    const result = await this.rewards.delete({ id });
    if (!result.affected) throw rewardNotFound();
  }
}
