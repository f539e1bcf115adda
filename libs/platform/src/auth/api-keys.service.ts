import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../errors/domain-error';
import { Page, PageQuery, pageNewestFirst } from '../http/pagination';
import { ApiKeyEntity } from './api-key.entity';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key.secret';
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

const toView = (k: ApiKeyEntity): ApiKeyView => ({
  id: k.id,
  name: k.name,
  role: k.role,
  storeId: k.storeId,
  prefix: k.keyPrefix,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(ApiKeyEntity);
  }

  async create(input: {
    name: string;
    role: StaffRole;
    storeId?: string;
  }): Promise<ApiKeyView & { key: string }> {
    if (input.role === 'cashier' && !input.storeId) {
      throw new DomainError(400, 'VALIDATION_FAILED', 'A cashier key must be bound to a storeId.', [
        { field: 'storeId', problems: ['storeId is required for the cashier role'] },
      ]);
    }
    const key = generateApiKey();
    const saved = await this.repository.save(
      this.repository.create({
        name: input.name,
        role: input.role,
        storeId: input.storeId ?? null,
        keyHash: hashApiKey(key),
        keyPrefix: displayPrefix(key),
        revokedAt: null,
      }),
    );
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

  async revoke(id: string): Promise<ApiKeyView> {
    const result = await this.dataSource.query<[unknown[], number]>(
      'UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING id',
      [id],
    );
    if (result[1] === 0) throw notFound('The API key', 'API_KEY_NOT_FOUND');
    return toView(await this.repository.findOneByOrFail({ id }));
  }

  async authenticate(key: string): Promise<StaffPrincipal | null> {
    const rows = await this.dataSource.query<
      { id: string; role: StaffRole; store_id: string | null }[]
    >('SELECT id, role, store_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [
      hashApiKey(key),
    ]);
    const row = rows[0];
    return row ? { kind: 'staff', keyId: row.id, role: row.role, storeId: row.store_id } : null;
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
      await this.dataSource.query(
        `INSERT INTO api_keys (name, role, key_hash, key_prefix) VALUES ('bootstrap-admin', 'admin', $1, $2)
         ON CONFLICT (key_hash) DO NOTHING`,
        [hashApiKey(configuredKey), displayPrefix(configuredKey)],
      );
      return;
    }
    const admins = await this.dataSource.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL",
    );
    if ((admins[0]?.n ?? 0) > 0) return;
    const created = await this.create({ name: 'bootstrap-admin', role: 'admin' });
    this.logger.warn('No admin API key existed: generated one (printed once on standard output).');
    print(`Vafa bootstrap admin API key (shown only now, store it safely): ${created.key}`);
  }
}
