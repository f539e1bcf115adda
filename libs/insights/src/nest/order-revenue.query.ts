/**
 * CTE `net_orders`: each order's value net of returns, from points' `order_net_values` view (the
 * order total less the returned share of each line's net amount, as the returns use case counts
 * it), for the orders whose `o.occurred_at` meets `period`. Orders returned in full are left out:
 * they were no purchase.
 */
export const netOrdersSql = (period: string): string => `
  net_orders AS (
    SELECT o.member_id, o.occurred_at, o.net_total AS amount
    FROM order_net_values o
    WHERE ${period} AND NOT o.fully_returned
  )`;
