import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProgramSettingsEntity } from './program-settings.entity';

const DAY = 86_400_000;

/**
 * How long `cached()` may answer from memory. A change made through this process applies to
 * the very next call; one made by another process (another API server, the worker) within this.
 */
export const PROGRAM_SETTINGS_CACHE_MS = 1000;

/** Bumped by every change in this process, whichever service instance made it. */
let generation = 0;

/** The program's single settings row (created by the migrations with defaults). */
@Injectable()
export class ProgramSettingsService {
  private cache?: {
    settings: Readonly<ProgramSettingsEntity>;
    loadedAt: number;
    generation: number;
  };

  constructor(private readonly dataSource: DataSource) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<ProgramSettingsEntity> {
    return manager.getRepository(ProgramSettingsEntity).findOneByOrFail({ id: 1 });
  }

  /**
   * The settings for hot paths (every checkout), from memory when read less than
   * PROGRAM_SETTINGS_CACHE_MS ago and not changed in this process since; frozen. Inside a
   * transaction pass its manager: a miss then reads through it, not through a second connection.
   */
  async cached(manager?: EntityManager): Promise<Readonly<ProgramSettingsEntity>> {
    const hit = this.cache;
    if (
      hit &&
      hit.generation === generation &&
      performance.now() - hit.loadedAt < PROGRAM_SETTINGS_CACHE_MS
    )
      return hit.settings;
    const loading = { generation, loadedAt: performance.now() };
    const settings = Object.freeze(await this.get(manager));
    // A change that landed while reading may or may not be in what was read: keep it only if none did.
    if (loading.generation === generation) this.cache = { settings, ...loading };
    return settings;
  }

  async update(
    changes: Partial<Omit<ProgramSettingsEntity, 'id' | 'updatedAt' | 'extra'>>,
  ): Promise<ProgramSettingsEntity> {
    try {
      await this.dataSource.getRepository(ProgramSettingsEntity).update({ id: 1 }, changes);
    } finally {
      generation++;
      this.cache = undefined;
    }
    return this.get();
  }
}

/** When points credited at `at` become available and expire, under these settings. */
export function lotDates(
  settings: Readonly<ProgramSettingsEntity>,
  at: Date,
): { availableAt: Date; expiresAt: Date | null } {
  const availableAt = new Date(at.getTime() + settings.pointsPendingDays * DAY);
  const expiresAt =
    settings.pointsExpiryDays > 0
      ? new Date(availableAt.getTime() + settings.pointsExpiryDays * DAY)
      : null;
  return { availableAt, expiresAt };
}
