import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import {
  AuditActor,
  AuditLog,
  constraintOf,
  decodeCursor,
  inTransaction,
  Page,
  pageLimit,
  PageQuery,
  sqlState,
  toPage,
} from '@vafa/platform';
import type { TierDto } from './tier.dto';
import { TierEntity } from './tier.entity';
import { TIER_DEFINITIONS } from './tier-lookup.query';
import { tierExists, tierInUse, tierNotFound } from './tiers.errors';

export type TierView = Omit<TierEntity, 'createdAt' | 'updatedAt'>;

const toView = (t: TierEntity): TierView => ({
  id: t.id,
  code: t.code,
  name: t.name,
  rank: t.rank,
  qualification: t.qualification,
  benefits: t.benefits,
  downgradeGraceDays: t.downgradeGraceDays,
});

@Injectable()
export class TiersRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(TierEntity);
  }

  /** Lowest rank first; ranks are unique, so the rank alone marks a place. */
  async list(query: PageQuery): Promise<Page<TierView>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['int']);
    const qb = this.repository
      .createQueryBuilder('t')
      .orderBy('t.rank', 'ASC')
      .limit(limit + 1);
    if (after) {
      qb.where('t.rank > :rank', { rank: after[0] });
    }
    return toPage(await qb.getMany(), limit, toView, (t) => [t.rank]);
  }

  async get(id: string): Promise<TierView> {
    const tier = await this.repository.findOneBy({ id });
    if (!tier) {
      throw tierNotFound();
    }
    return toView(tier);
  }

  async create(input: TierDto, actor: AuditActor): Promise<TierView> {
    return this.changing(async (tiers, manager) => {
      const created = toView(await tiers.save(tiers.create(this.fields(input))));
      await this.record(manager, actor, 'create', null, created);
      return created;
    });
  }

  async replace(id: string, input: TierDto, actor: AuditActor): Promise<TierView> {
    return this.changing(async (tiers, manager) => {
      const before = await this.lockTier(tiers, id);
      await tiers.update({ id }, this.fields(input));
      const after = toView(await tiers.findOneByOrFail({ id }));
      await this.record(manager, actor, 'update', before, after);
      return after;
    });
  }

  remove(id: string, actor: AuditActor): Promise<void> {
    return this.changing(async (tiers, manager) => {
      const tier = await this.lockTier(tiers, id);
      const members = await manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM member_tiers WHERE tier_code = $1',
        [tier.code],
      );
      if ((members[0]?.n ?? 0) > 0) {
        throw tierInUse(members[0]?.n);
      }
      await tiers.delete({ id });
      await this.record(manager, actor, 'delete', tier, null);
    });
  }

  /**
   * Runs a change and its audit row in one transaction, then makes the tier definitions every
   * checkout reads from memory stale.
   */
  private async changing<T>(
    change: (tiers: Repository<TierEntity>, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.unique(() =>
        inTransaction(this.dataSource, (manager) =>
          change(manager.getRepository(TierEntity), manager),
        ),
      );
    } finally {
      TIER_DEFINITIONS.invalidate();
    }
  }

  /** The tier as GET shows it, locked until the change commits. */
  private async lockTier(tiers: Repository<TierEntity>, id: string): Promise<TierView> {
    const tier = await tiers.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!tier) {
      throw tierNotFound();
    }
    return toView(tier);
  }

  private record(
    manager: EntityManager,
    actor: AuditActor,
    action: 'create' | 'update' | 'delete',
    before: TierView | null,
    after: TierView | null,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor,
      action,
      resourceType: 'tier',
      resourceId: (after ?? before)?.id ?? '',
      before,
      after,
    });
  }

  private fields(input: TierDto): Partial<TierEntity> {
    return {
      code: input.code,
      name: input.name,
      rank: input.rank,
      qualification: { ...input.qualification },
      benefits: { ...(input.benefits ?? {}) },
      downgradeGraceDays: input.downgradeGraceDays ?? 0,
    };
  }

  private async unique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (sqlState(error) !== '23505') {
        throw error;
      }
      const field = constraintOf(error) === 'uq_tiers_rank' ? 'rank' : 'code';
      throw tierExists(field);
    }
  }
}
