import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  AuditActor,
  AuditLog,
  CacheFamily,
  inTransaction,
  ShortLivedValue,
} from '@vafa/platform';
import { ProgramSettingsEntity } from './program-settings.entity';
import { toProgramSettingsView } from './program-settings-view';

/**
 * How long `cached()` may answer from memory. A change made through this process applies to
 * the very next call; one made by another process (another API server, the worker) within this.
 */
export const PROGRAM_SETTINGS_CACHE_MS = 1000;

/** The program's settings as other libs read them (the entity class stays the ledger's own). */
export type ProgramSettings = ProgramSettingsEntity;

const PROGRAM_SETTINGS = new CacheFamily();

/** The program's single settings row (created by the migrations with defaults). */
@Injectable()
export class ProgramSettingsRepository {
  private readonly cache = new ShortLivedValue<Readonly<ProgramSettingsEntity>>(
    PROGRAM_SETTINGS,
    PROGRAM_SETTINGS_CACHE_MS,
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<ProgramSettingsEntity> {
    return manager.getRepository(ProgramSettingsEntity).findOneByOrFail({ id: 1 });
  }

  /**
   * The settings for hot paths (every checkout), from memory when read less than
   * PROGRAM_SETTINGS_CACHE_MS ago and not changed in this process since; frozen. Inside a
   * transaction pass its manager: a miss then reads through it, not through a second connection.
   */
  cached(manager?: EntityManager): Promise<Readonly<ProgramSettingsEntity>> {
    return this.cache.get(async () => Object.freeze(await this.get(manager)));
  }

  /** Changes the named settings and records the change in the audit log, in one transaction. */
  async update(
    changes: Partial<Omit<ProgramSettingsEntity, 'id' | 'updatedAt' | 'extra'>>,
    actor: AuditActor,
  ): Promise<ProgramSettingsEntity> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const settings = manager.getRepository(ProgramSettingsEntity);
        const before = await settings.findOneOrFail({
          where: { id: 1 },
          lock: { mode: 'pessimistic_write' },
        });
        await settings.update({ id: 1 }, changes);
        const after = await this.get(manager);
        await this.audit.record(manager, {
          actor,
          action: 'update',
          resourceType: 'program',
          resourceId: 'program',
          before: toProgramSettingsView(before),
          after: toProgramSettingsView(after),
        });
        return after;
      });
    } finally {
      PROGRAM_SETTINGS.invalidate();
    }
  }
}

/** When points credited at `at` become available and expire, under these settings. */
export function lotDates(
  settings: Readonly<ProgramSettingsEntity>,
  at: Date,
): { availableAt: Date; expiresAt: Date | null } {
  const availableAt = addDays(at, settings.pointsPendingDays);
  const expiresAt =
    settings.pointsExpiryDays > 0 ? addDays(availableAt, settings.pointsExpiryDays) : null;
  return { availableAt, expiresAt };
}
