import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditActor,
  AuditLog,
  Clock,
  EventOutbox,
  EventType,
  inTransaction,
  Page,
  PageQuery,
  pageNewestFirst,
  VafaConfig,
} from '@vafa/platform';
import { queueDelivery } from '../deliveries/queue-delivery';
import { SecretCipher } from '../secrets/secret-cipher.provider';
import { newSigningSecret } from '../secrets/signing-secret';
import { webhookEndpointDisabled, webhookEndpointNotFound } from '../webhooks.errors';
import {
  CreatedWebhookEndpointDto,
  CreateWebhookEndpointDto,
  PatchWebhookEndpointDto,
  QueuedDeliveryDto,
  RotatedSecretDto,
  WebhookEndpointDto,
} from './webhook-endpoint.dto';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { checkWebhookUrl } from './webhook-url';

/** How long the secret before a rotation keeps signing beside the new one. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export const toWebhookEndpointDto = (e: WebhookEndpointEntity): WebhookEndpointDto => ({
  id: e.id,
  url: e.url,
  eventTypes: e.eventTypes as EventType[],
  description: e.description,
  enabled: e.enabled,
  disabledReason: e.disabledReason,
  failingSince: iso(e.failingSince),
  previousSecretExpiresAt: iso(e.previousSecretExpiresAt),
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

/** The merchant's webhook endpoints: every change audited, secrets encrypted and shown once. */
@Injectable()
export class WebhookEndpointsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: VafaConfig,
    private readonly audit: AuditLog,
    private readonly cipher: SecretCipher,
    private readonly outbox: EventOutbox,
  ) {}

  async create(
    input: CreateWebhookEndpointDto,
    actor: AuditActor,
  ): Promise<CreatedWebhookEndpointDto> {
    const url = checkWebhookUrl(input.url, this.config.webhookAllowHttp);
    const id = randomUUID();
    const secret = newSigningSecret();
    const now = this.clock.now();
    return inTransaction(this.dataSource, async (manager) => {
      const entity = manager.create(WebhookEndpointEntity, {
        id,
        url,
        eventTypes: input.eventTypes ?? [],
        description: input.description ?? null,
        enabled: true,
        disabledReason: null,
        secretCiphertext: this.cipher.encrypt(secret, id),
        previousSecretCiphertext: null,
        previousSecretExpiresAt: null,
        failingSince: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(WebhookEndpointEntity, entity);
      const dto = toWebhookEndpointDto(entity);
      await this.record(manager, actor, 'create', id, null, dto);
      return { ...dto, secret };
    });
  }

  list(query: PageQuery): Promise<Page<WebhookEndpointDto>> {
    const qb = this.dataSource.getRepository(WebhookEndpointEntity).createQueryBuilder('w');
    return pageNewestFirst(qb, 'createdAt', query, (w) => w.createdAt, toWebhookEndpointDto);
  }

  async get(id: string): Promise<WebhookEndpointDto> {
    return toWebhookEndpointDto(await this.find(this.dataSource.manager, id));
  }

  async update(
    id: string,
    patch: PatchWebhookEndpointDto,
    actor: AuditActor,
  ): Promise<WebhookEndpointDto> {
    const url =
      patch.url === undefined
        ? undefined
        : checkWebhookUrl(patch.url, this.config.webhookAllowHttp);
    return inTransaction(this.dataSource, async (manager) => {
      const entity = await this.find(manager, id, true);
      const before = toWebhookEndpointDto(entity);
      if (url !== undefined) {
        entity.url = url;
      }
      if (patch.eventTypes !== undefined) {
        entity.eventTypes = patch.eventTypes;
      }
      if (patch.description !== undefined) {
        entity.description = patch.description;
      }
      if (patch.enabled !== undefined && patch.enabled !== entity.enabled) {
        entity.enabled = patch.enabled;
        entity.disabledReason = patch.enabled ? null : 'manual';
        entity.failingSince = null;
      }
      entity.updatedAt = this.clock.now();
      await manager.save(WebhookEndpointEntity, entity);
      const after = toWebhookEndpointDto(entity);
      await this.record(manager, actor, 'update', id, before, after);
      return after;
    });
  }

  async remove(id: string, actor: AuditActor): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const entity = await this.find(manager, id, true);
      await manager.delete(WebhookEndpointEntity, { id });
      await this.record(manager, actor, 'delete', id, toWebhookEndpointDto(entity), null);
    });
  }

  /** A new secret; the current one keeps signing beside it for 24 hours (by the Clock). */
  async rotateSecret(id: string, actor: AuditActor): Promise<RotatedSecretDto> {
    const secret = newSigningSecret();
    return inTransaction(this.dataSource, async (manager) => {
      const entity = await this.find(manager, id, true);
      const before = toWebhookEndpointDto(entity);
      const now = this.clock.now();
      entity.previousSecretCiphertext = entity.secretCiphertext;
      entity.previousSecretExpiresAt = new Date(now.getTime() + SECRET_OVERLAP_MS);
      entity.secretCiphertext = this.cipher.encrypt(secret, id);
      entity.updatedAt = now;
      await manager.save(WebhookEndpointEntity, entity);
      const after = toWebhookEndpointDto(entity);
      await this.record(manager, actor, 'rotate', id, before, after);
      return { secret, previousSecretExpiresAt: entity.previousSecretExpiresAt.toISOString() };
    });
  }

  /** Emits `webhook.test` for this endpoint alone, whatever types it subscribes to. */
  async sendTest(id: string): Promise<QueuedDeliveryDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const entity = await this.find(manager, id);
      if (!entity.enabled) {
        throw webhookEndpointDisabled();
      }
      const eventId = await this.outbox.emit(manager, {
        type: 'webhook.test',
        data: { endpointId: id, message: 'A test event sent from Vafa.' },
      });
      // Queued here, for this endpoint only: the fan-out passes webhook.test events by.
      const deliveryId = await queueDelivery(manager, id, eventId);
      return { eventId, deliveryId };
    });
  }

  private async find(
    manager: EntityManager,
    id: string,
    forUpdate = false,
  ): Promise<WebhookEndpointEntity> {
    const entity = await manager.findOne(WebhookEndpointEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!entity) {
      throw webhookEndpointNotFound();
    }
    return entity;
  }

  private record(
    manager: EntityManager,
    actor: AuditActor,
    action: 'create' | 'update' | 'delete' | 'rotate',
    id: string,
    before: WebhookEndpointDto | null,
    after: WebhookEndpointDto | null,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor,
      action,
      resourceType: 'webhook_endpoint',
      resourceId: id,
      before,
      after,
    });
  }
}
