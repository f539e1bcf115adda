import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
export class ReferralProgramService {
  constructor(private readonly dataSource: DataSource) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<ReferralProgramView> {
    return toProgramView(
      await manager.getRepository(ReferralProgramEntity).findOneByOrFail({ id: 1 }),
    );
  }

  async update(changes: ReferralProgramDto): Promise<ReferralProgramView> {
    await this.dataSource.getRepository(ReferralProgramEntity).update({ id: 1 }, changes);
    return this.get();
  }
}
