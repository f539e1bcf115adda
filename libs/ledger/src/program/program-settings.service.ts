import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProgramSettingsEntity } from './program-settings.entity';

const DAY = 86_400_000;

/** The program's single settings row (created by the migrations with defaults). */
@Injectable()
export class ProgramSettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<ProgramSettingsEntity> {
    return manager.getRepository(ProgramSettingsEntity).findOneByOrFail({ id: 1 });
  }

  async update(
    changes: Partial<Omit<ProgramSettingsEntity, 'id' | 'updatedAt' | 'extra'>>,
  ): Promise<ProgramSettingsEntity> {
    await this.dataSource.getRepository(ProgramSettingsEntity).update({ id: 1 }, changes);
    return this.get();
  }
}

/** When points credited at `at` become available and expire, under these settings. */
export function lotDates(
  settings: ProgramSettingsEntity,
  at: Date,
): { availableAt: Date; expiresAt: Date | null } {
  const availableAt = new Date(at.getTime() + settings.pointsPendingDays * DAY);
  const expiresAt =
    settings.pointsExpiryDays > 0
      ? new Date(availableAt.getTime() + settings.pointsExpiryDays * DAY)
      : null;
  return { availableAt, expiresAt };
}
