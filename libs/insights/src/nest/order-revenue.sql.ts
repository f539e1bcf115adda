/**
 * CTEs `returned` and `net_orders`: each order's value net of returns, as the returns use case
 * computes it (the order total less the returned share of each line's net amount), for the orders
 * whose `o.occurred_at` meets `period`. Orders returned in full are left out: they were no purchase.
 */
export const netOrdersSql = (period: string): string => `
  returned AS (
    SELECT member_id, order_uuid, sum(net_amount * returned_quantity / quantity) AS amount
    FROM order_lines
    WHERE returned_quantity > 0
    GROUP BY member_id, order_uuid
  ),
  net_orders AS (
    SELECT o.member_id, o.occurred_at, o.total - coalesce(r.amount, 0) AS amount
    FROM orders o
    LEFT JOIN returned r ON r.member_id = o.member_id AND r.order_uuid = o.id
    WHERE ${period}
      AND (r.amount IS NULL OR o.total - r.amount > 0)
  )`;
