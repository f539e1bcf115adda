import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, Page, pageNewestFirst } from '@vafa/platform';
import { QueuedDeliveryDto } from '../endpoints/webhook-endpoint.dto';
import { WebhookEndpointEntity } from '../endpoints/webhook-endpoint.entity';
import {
  webhookDeliveryNotFound,
  webhookEndpointDisabled,
  webhookEndpointNotFound,
} from '../webhooks.errors';
import { queueDelivery } from './queue-delivery';
import { DeliveryAttemptDto, DeliveryListQuery, WebhookDeliveryDto } from './webhook-delivery.dto';
import { DeliveryAttempt, WebhookDeliveryEntity } from './webhook-delivery.entity';

const toAttemptDto = (a: DeliveryAttempt): DeliveryAttemptDto => ({
  at: new Date(a.at).toISOString(),
  statusCode: a.statusCode,
  durationMs: a.durationMs,
  error: a.error,
  responseExcerpt: a.responseExcerpt,
});

/** An endpoint's deliveries with their attempts, and redelivery. */
@Injectable()
export class WebhookDeliveriesQuery {
  constructor(private readonly dataSource: DataSource) {}

  async list(endpointId: string, query: DeliveryListQuery): Promise<Page<WebhookDeliveryDto>> {
    const exists = await this.dataSource
      .getRepository(WebhookEndpointEntity)
      .exists({ where: { id: endpointId } });
    if (!exists) {
      throw webhookEndpointNotFound();
    }
    const qb = this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .where('d.endpointId = :endpointId', { endpointId });
    if (query.status) {
      qb.andWhere('d.status = :status', { status: query.status });
    }
    const page = await pageNewestFirst(
      qb,
      'createdAt',
      query,
      (d) => d.createdAt,
      (d) => d,
    );
    const types = await this.eventTypes(page.items.map((d) => d.eventId));
    return {
      items: page.items.map((d) => ({
        id: d.id,
        eventId: d.eventId,
        eventType: types.get(d.eventId) ?? '',
        status: d.status,
        attemptCount: d.attemptCount,
        nextAttemptAt: d.nextAttemptAt ? d.nextAttemptAt.toISOString() : null,
        createdAt: d.createdAt.toISOString(),
        attempts: d.attempts.map(toAttemptDto),
      })),
      nextCursor: page.nextCursor,
    };
  }

  private async eventTypes(eventIds: string[]): Promise<Map<string, string>> {
    if (eventIds.length === 0) {
      return new Map();
    }
    const rows = await this.dataSource.query<{ id: string; type: string }[]>(
      'SELECT id, type FROM event_log WHERE id = ANY($1::uuid[])',
      [eventIds],
    );
    return new Map(rows.map((r) => [r.id, r.type]));
  }

  /** A new delivery of the same event to the same endpoint: the same webhook-id, so it dedupes. */
  async redeliver(deliveryId: string): Promise<QueuedDeliveryDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const rows = await manager.query<
        { endpoint_id: string; event_id: string; enabled: boolean }[]
      >(
        `SELECT d.endpoint_id, d.event_id, w.enabled FROM webhook_deliveries d
         JOIN webhook_endpoints w ON w.id = d.endpoint_id WHERE d.id = $1`,
        [deliveryId],
      );
      const found = rows[0];
      if (!found) {
        throw webhookDeliveryNotFound();
      }
      if (!found.enabled) {
        throw webhookEndpointDisabled();
      }
      const id = await queueDelivery(manager, found.endpoint_id, found.event_id);
      return { eventId: found.event_id, deliveryId: id };
    });
  }
}
