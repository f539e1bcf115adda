import type { EntityManager } from 'typeorm';

/** A new pending delivery of an event to an endpoint, due at once; answers its id. */
export async function queueDelivery(
  manager: EntityManager,
  endpointId: string,
  eventId: string,
): Promise<string> {
  const rows = await manager.query<{ id: string }[]>(
    `INSERT INTO webhook_deliveries (endpoint_id, event_id, status, next_attempt_at)
     VALUES ($1, $2, 'pending', now()) RETURNING id`,
    [endpointId, eventId],
  );
  return rows[0]!.id;
}
