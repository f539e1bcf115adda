/**
 * What each order `o` still counts towards a tier, net of returns: join it as
 * `CROSS JOIN LATERAL (${NET_OF_RETURNS}) r`, then take ORDER_SPEND, ORDER_POINTS or
 * `orderValue(metric)`.
 */
export const NET_OF_RETURNS = `
  SELECT (SELECT coalesce(sum(l.net_amount * l.returned_quantity / l.quantity), 0) FROM order_lines l
          WHERE l.member_id = o.member_id AND l.order_uuid = o.id) AS value,
         (SELECT coalesce(sum(x.points_reversed), 0) FROM order_returns x
          WHERE x.member_id = o.member_id AND x.order_uuid = o.id) AS points`;

export const ORDER_SPEND = 'o.total - r.value';
export const ORDER_POINTS = 'o.points_earned - r.points';

/** An order's value for a tier whose metric is the SQL expression `metric`. */
export const orderValue = (metric: string): string =>
  `CASE ${metric} WHEN 'spend' THEN ${ORDER_SPEND} ELSE ${ORDER_POINTS} END`;
