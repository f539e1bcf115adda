import type { EntityManager } from 'typeorm';
import { type PreparedStatement, preparedQuery } from '@vafa/platform';

/** The constraint an order id checked out or imported before fails on. */
export const ORDER_ID_TAKEN = 'pk_order_ids';

/**
 * The lookup row of a new order: its own statement, beside the order's (on a Citus cluster the
 * two live on different nodes, which one statement may not both write).
 */
export const INSERT_ORDER_ID: PreparedStatement = {
  name: 'vafa_order_ids_insert',
  text: 'INSERT INTO order_ids (order_id, member_id, order_uuid) VALUES ($1, $2, $3)',
};

const FIND_ORDER: PreparedStatement = {
  name: 'vafa_order_ids_find',
  text: 'SELECT member_id, order_uuid FROM order_ids WHERE order_id = $1',
};

/** Whose order a merchant order id is, and the order's uuid; null for an unknown one. */
export async function findOrderById(
  manager: EntityManager,
  orderId: string,
): Promise<{ memberId: string; orderUuid: string } | null> {
  const { rows } = await preparedQuery<{ member_id: string; order_uuid: string }>(
    manager,
    FIND_ORDER,
    [orderId],
  );
  const found = rows[0];
  return found ? { memberId: found.member_id, orderUuid: found.order_uuid } : null;
}
