import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, SYSTEM_ACTOR } from '../audit/audit-actor';
import { AuditLog } from '../audit/audit-log.repository';
import { inTransaction } from '../database/transaction';
import { Page, PageQuery, pageNewestFirst } from '../http/pagination';
import { apiKeyNotFound, cashierNeedsStore } from '../platform.errors';
import { ApiKeyEntity } from './api-key.entity';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key-secret';
import type { StaffPrincipal, StaffRole } from './principal';

export interface ApiKeyView {
  id: string;
  name: string;
  role: StaffRole;
  storeId: string | null;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * How long a key found valid may be trusted from memory. A revocation made through this process
 * applies to the very next request; one made by another process within this.
 */
export const API_KEY_CACHE_MS = 1000;
const MAX_CACHED_KEYS = 10_000;

/** Bumped by every revocation in this process, whichever service instance made it. */
let generation = 0;

const toView = (k: ApiKeyEntity): ApiKeyView => ({
  id: k.id,
  name: k.name,
  role: k.role,
  storeId: k.storeId,
  prefix: k.keyPrefix,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

/** A key as the audit log keeps it: without even its prefix, which is the secret's start. */
const auditView = (k: ApiKeyEntity): Omit<ApiKeyView, 'prefix'> => {
  const { prefix: _prefix, ...rest } = toView(k);
  return rest;
};

@Injectable()
export class ApiKeysRepository {
  private readonly logger = new Logger(ApiKeysRepository.name);
  /** Valid keys only, by hash: an unknown or revoked key is looked up every time. */
  private readonly valid = new Map<
    string,
    { principal: StaffPrincipal; loadedAt: number; generation: number }
  >();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(ApiKeyEntity);
  }

  async create(
    input: { name: string; role: StaffRole; storeId?: string },
    actor: AuditActor,
  ): Promise<ApiKeyView & { key: string }> {
    if (input.role === 'cashier' && !input.storeId) {
      throw cashierNeedsStore('A cashier key');
    }
    const key = generateApiKey();
    const saved = await inTransaction(this.dataSource, async (manager) => {
      const keys = manager.getRepository(ApiKeyEntity);
      const created = await keys.save(
        keys.create({
          name: input.name,
          role: input.role,
          storeId: input.storeId ?? null,
          keyHash: hashApiKey(key),
          keyPrefix: displayPrefix(key),
          revokedAt: null,
        }),
      );
      await this.recordKey(manager, actor, 'create', null, created);
      return created;
    });
    return { ...toView(saved), key };
  }

  async list(query: PageQuery): Promise<Page<ApiKeyView>> {
    return pageNewestFirst(
      this.repository.createQueryBuilder('k'),
      'created_at',
      query,
      (k) => k.createdAt,
      toView,
    );
  }

  /** Revokes at once; revoking a revoked key changes (and records) nothing. */
  async revoke(id: string, actor: AuditActor): Promise<ApiKeyView> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const keys = manager.getRepository(ApiKeyEntity);
        const before = await keys.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!before) {
          throw apiKeyNotFound();
        }
        if (before.revokedAt) {
          return toView(before);
        }
        await keys.update({ id }, { revokedAt: () => 'now()' });
        const after = await keys.findOneByOrFail({ id });
        await this.recordKey(manager, actor, 'revoke', before, after);
        return toView(after);
      });
    } finally {
      generation++;
      this.valid.clear();
    }
  }

  private recordKey(
    manager: EntityManager,
    actor: AuditActor,
    action: 'create' | 'revoke',
    before: ApiKeyEntity | null,
    after: ApiKeyEntity,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor,
      action,
      resourceType: 'api_key',
      resourceId: after.id,
      before: before && auditView(before),
      after: auditView(after),
    });
  }

  /**
   * The staff principal of a valid key. A key found valid less than API_KEY_CACHE_MS ago, with
   * no revocation in this process since, is answered from memory.
   */
  async authenticate(key: string): Promise<StaffPrincipal | null> {
    const hash = hashApiKey(key);
    const hit = this.valid.get(hash);
    if (
      hit &&
      hit.generation === generation &&
      performance.now() - hit.loadedAt < API_KEY_CACHE_MS
    ) {
      return { ...hit.principal };
    }
    const loading = { generation, loadedAt: performance.now() };
    const rows = await this.dataSource.query<
      { id: string; name: string; role: StaffRole; store_id: string | null }[]
    >('SELECT id, name, role, store_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [
      hash,
    ]);
    const row = rows[0];
    if (!row) {
      this.valid.delete(hash);
      return null;
    }
    const principal: StaffPrincipal = {
      kind: 'staff',
      via: 'api_key',
      keyId: row.id,
      userId: null,
      name: row.name,
      role: row.role,
      storeId: row.store_id,
    };
    // A revocation that landed while reading may or may not be in what was read: keep the
    // answer only if none did.
    if (loading.generation === generation) {
      if (this.valid.size >= MAX_CACHED_KEYS) {
        this.valid.clear();
      }
      this.valid.set(hash, { principal, ...loading });
    }
    return { ...principal };
  }

  /**
   * Makes sure an admin can get in: registers VAFA_ADMIN_KEY when given, or on first start
   * generates one and prints it once (only its hash is kept).
   */
  async ensureBootstrapAdmin(
    configuredKey: string | undefined,
    print: (line: string) => void,
  ): Promise<void> {
    if (configuredKey) {
      await inTransaction(this.dataSource, async (manager) => {
        const [created] = await manager.query<{ id: string }[]>(
          `INSERT INTO api_keys (name, role, key_hash, key_prefix) VALUES ('bootstrap-admin', 'admin', $1, $2)
           ON CONFLICT (key_hash) DO NOTHING RETURNING id`,
          [hashApiKey(configuredKey), displayPrefix(configuredKey)],
        );
        if (!created) {
          return;
        }
        const key = await manager.getRepository(ApiKeyEntity).findOneByOrFail({ id: created.id });
        await this.recordKey(manager, SYSTEM_ACTOR, 'create', null, key);
      });
      return;
    }
    const admins = await this.dataSource.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL",
    );
    if ((admins[0]?.n ?? 0) > 0) {
      return;
    }
    const created = await this.create({ name: 'bootstrap-admin', role: 'admin' }, SYSTEM_ACTOR);
    this.logger.warn('No admin API key existed: generated one (printed once on standard output).');
    print(`Vafa bootstrap admin API key (shown only now, store it safely): ${created.key}`);
  }
}
