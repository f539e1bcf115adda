import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor, AuditLog, inTransaction } from '@vafa/platform';
import type { ReferralProgramDto } from './referral-program.dto';
import { ReferralProgramEntity } from './referral-program.entity';

export type ReferralProgramView = Required<ReferralProgramDto>;

export const toProgramView = (p: ReferralProgramEntity): ReferralProgramView => ({
  active: p.active,
  referrerPoints: p.referrerPoints,
  refereePoints: p.refereePoints,
  qualifyingMinSpend: Number(p.qualifyingMinSpend),
  maxReferralsPerMember: p.maxReferralsPerMember,
  attributionDays: p.attributionDays,
  velocityMax: p.velocityMax,
  velocityWindowHours: p.velocityWindowHours,
  shareBaseUrl: p.shareBaseUrl,
});

@Injectable()
export class ReferralProgramRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<ReferralProgramView> {
    return toProgramView(
      await manager.getRepository(ReferralProgramEntity).findOneByOrFail({ id: 1 }),
    );
  }

  /** Changes the named settings and records the change in the audit log, in one transaction. */
  async update(changes: ReferralProgramDto, actor: AuditActor): Promise<ReferralProgramView> {
    return inTransaction(this.dataSource, async (manager) => {
      const program = manager.getRepository(ReferralProgramEntity);
      const before = await program.findOneOrFail({
        where: { id: 1 },
        lock: { mode: 'pessimistic_write' },
      });
      await program.update({ id: 1 }, changes);
      const after = await this.get(manager);
      await this.audit.record(manager, {
        actor,
        action: 'update',
        resourceType: 'referral_program',
        resourceId: 'referral_program',
        before: toProgramView(before),
        after,
      });
      return after;
    });
  }
}
