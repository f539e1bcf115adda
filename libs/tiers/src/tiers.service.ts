import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  constraintOf,
  decodeCursor,
  DomainError,
  notFound,
  Page,
  pageLimit,
  PageQuery,
  sqlState,
  toPage,
} from '@vafa/platform';
import type { TierDto } from './tier.dto';
import { TierEntity } from './tier.entity';
import { TIER_DEFINITIONS } from './tier-lookup.service';

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

const tierNotFound = (): DomainError => notFound('The tier', 'TIER_NOT_FOUND');

@Injectable()
export class TiersService {
  constructor(private readonly dataSource: DataSource) {}

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
    if (after) qb.where('t.rank > :rank', { rank: after[0] });
    return toPage(await qb.getMany(), limit, toView, (t) => [t.rank]);
  }

  async get(id: string): Promise<TierView> {
    const tier = await this.repository.findOneBy({ id });
    if (!tier) throw tierNotFound();
    return toView(tier);
  }

  async create(input: TierDto): Promise<TierView> {
    return this.changing(() =>
      this.unique(async () =>
        toView(await this.repository.save(this.repository.create(this.fields(input)))),
      ),
    );
  }

  async replace(id: string, input: TierDto): Promise<TierView> {
    return this.changing(() =>
      this.unique(async () => {
        const result = await this.repository.update({ id }, this.fields(input));
        if (!result.affected) throw tierNotFound();
        return this.get(id);
      }),
    );
  }

  remove(id: string): Promise<void> {
    return this.changing(() => this.removeUnused(id));
  }

  /** Runs a change, then makes the tier definitions every checkout reads from memory stale. */
  private async changing<T>(change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } finally {
      TIER_DEFINITIONS.invalidate();
    }
  }

  private async removeUnused(id: string): Promise<void> {
    const tier = await this.repository.findOneBy({ id });
    if (!tier) throw tierNotFound();
    const members = await this.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM member_tiers WHERE tier_code = $1',
      [tier.code],
    );
    if ((members[0]?.n ?? 0) > 0) {
      throw new DomainError(
        409,
        'TIER_IN_USE',
        `${members[0]?.n} members hold this tier; move them first.`,
      );
    }
    await this.repository.delete({ id });
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
      if (sqlState(error) !== '23505') throw error;
      const field = constraintOf(error) === 'uq_tiers_rank' ? 'rank' : 'code';
      throw new DomainError(409, 'TIER_EXISTS', `A tier with this ${field} already exists.`, {
        field,
      });
    }
  }
}
