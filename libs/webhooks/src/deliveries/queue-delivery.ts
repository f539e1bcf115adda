import type { EntityManager } from 'typeorm';
import { NEW_DELIVERY_ID } from './new-delivery-id';

/** A new pending delivery of an event to an endpoint, due at once; answers its id. */
export async function queueDelivery(
  manager: EntityManager,
  endpointId: string,
  eventId: string,
): Promise<string> {
  const rows = await manager.query<{ id: string }[]>(
    `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, next_attempt_at)
     VALUES (${NEW_DELIVERY_ID}, $1, $2, 'pending', now()) RETURNING id`,
    [endpointId, eventId],
  );
  return rows[0]!.id;
}
