import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validationFailed } from '../platform.errors';
import { decodeCursor, Page, pageLimit, toPage } from '../http/pagination';
import { AuditEntryEntity } from './audit-entry.entity';
import type { AuditEntryDto, AuditLogQuery } from './audit-log.dto';

const toEntryDto = (e: AuditEntryEntity): AuditEntryDto => ({
  id: e.id,
  at: e.at.toISOString(),
  actor: { kind: e.actorKind, id: e.actorId, name: e.actorName },
  action: e.action,
  resource: { type: e.resourceType, id: e.resourceId },
  before: e.before as Record<string, unknown> | null,
  after: e.after as Record<string, unknown> | null,
});

/** The audit log, newest first, filtered by resource, actor and time. */
@Injectable()
export class AuditLogReads {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: AuditLogQuery): Promise<Page<AuditEntryDto>> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from >= to) {
      throw validationFailed('from must be before to.');
    }
    const limit = pageLimit(query);
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    // `at` is written to the millisecond, so ordering by the column itself matches the cursor.
    const qb = this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (query.resourceType) {
      qb.andWhere('a.resource_type = :type', { type: query.resourceType });
    }
    if (query.resourceId) {
      qb.andWhere('a.resource_id = :resource', { resource: query.resourceId });
    }
    if (query.actorId) {
      qb.andWhere('a.actor_id = :actor', { actor: query.actorId });
    }
    if (from) {
      qb.andWhere('a.at >= :from', { from });
    }
    if (to) {
      qb.andWhere('a.at < :to', { to });
    }
    if (after) {
      const [at, id] = after;
      qb.andWhere('(a.at, a.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', { at, id });
    }
    return toPage(await qb.getMany(), limit, toEntryDto, (e) => [e.at.toISOString(), e.id]);
  }
}
