import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, Page, pageLimit, toPage } from '@vafa/platform';
import { InsightModelEntity } from './insight-model.entity';
import type { InsightModelDto, InsightModelListQuery } from './insights.dto';

export const toInsightModelDto = (model: InsightModelEntity): InsightModelDto => ({
  id: model.id,
  bgnbd: model.bgnbd,
  gammaGamma: model.gammaGamma,
  customers: model.customers,
  fittedAt: model.fittedAt.toISOString(),
  asOf: model.asOf.toISOString(),
});

/** The fitted models, newest first. */
@Injectable()
export class InsightModelsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: InsightModelListQuery): Promise<Page<InsightModelDto>> {
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const qb = this.dataSource
      .getRepository(InsightModelEntity)
      .createQueryBuilder('m')
      .orderBy('m.fitted_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(limit + 1);
    if (after) {
      qb.where('(m.fitted_at, m.id) < (:at, :id)', { at: after[0], id: after[1] });
    }
    const rows = await qb.getMany();
    return toPage(rows, limit, toInsightModelDto, (m) => [m.fittedAt.toISOString(), m.id]);
  }
}
