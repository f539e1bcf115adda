import type { PreparedStatement } from '@vafa/platform';

/** The statements a batch of checkouts runs, each once per batch over `unnest` arrays. */

/** Today's uses of rules with a daily limit, for each member on their order's program day. */
export const USAGE_TODAY: PreparedStatement = {
  name: 'vafa_checkout_batch_usage',
  text: `SELECT u.member_id, u.rule_id, u.uses
   FROM unnest($1::uuid[], $2::date[]) AS k(member_id, day)
   JOIN earning_rule_usage u ON u.member_id = k.member_id AND u.day = k.day
   WHERE u.member_id = ANY($1::uuid[])`,
};

/**
 * The merchant order ids of the batch's known members, in their order: one taken before (or twice
 * in the batch) is not written, and its checkout is refused with ORDER_EXISTS.
 */
export const INSERT_ORDER_IDS: PreparedStatement = {
  name: 'vafa_checkout_batch_order_ids',
  text: `INSERT INTO order_ids (order_id, member_id, order_uuid)
   SELECT o.order_id, o.member_id, o.order_uuid
   FROM unnest($1::text[], $2::uuid[], $3::uuid[]) AS o(order_id, member_id, order_uuid)
   WHERE EXISTS (SELECT 1 FROM member_profiles m WHERE m.id = o.member_id)
   ORDER BY 1
   ON CONFLICT DO NOTHING
   RETURNING member_id`,
};

/** Gives back the order ids this batch wrote for checkouts it then refused or replayed. */
export const RELEASE_ORDER_IDS: PreparedStatement = {
  name: 'vafa_checkout_batch_release_order_ids',
  text: `DELETE FROM order_ids o USING unnest($1::text[], $2::uuid[]) AS k(order_id, order_uuid)
   WHERE o.order_id = k.order_id AND o.order_uuid = k.order_uuid AND o.order_id = ANY($1::text[])`,
};

/** The orders, their lines and today's rule uses (as the single checkout's INSERT_ORDER). */
export const INSERT_ORDERS: PreparedStatement = {
  name: 'vafa_checkout_batch_orders',
  text: `WITH o AS (
     INSERT INTO orders (member_id, id, order_id, store_id, channel, occurred_at, subtotal,
       coupon_discount, points_discount, total, points_earned, bonus_points, points_redeemed,
       applied_rules, earn_transaction_id, redeem_transaction_id)
     SELECT member_id, id, order_id, store_id, channel, occurred_at, subtotal, coupon_discount,
       points_discount, total, points_earned, bonus_points, 0, applied_rules::jsonb,
       earn_transaction_id, NULL
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
       $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[],
       $13::text[], $14::uuid[])
       AS o(member_id, id, order_id, store_id, channel, occurred_at, subtotal, coupon_discount,
            points_discount, total, points_earned, bonus_points, applied_rules, earn_transaction_id)
   ), lines AS (
     INSERT INTO order_lines (member_id, order_uuid, line_no, sku, category, quantity, unit_price,
       net_amount, points)
     SELECT * FROM unnest($15::uuid[], $16::uuid[], $17::int[], $18::text[], $19::text[], $20::int[],
       $21::bigint[], $22::bigint[], $23::bigint[])
   )
   INSERT INTO earning_rule_usage (member_id, rule_id, day, uses)
   SELECT member_id, rule_id, day, 1 FROM unnest($24::uuid[], $25::uuid[], $26::date[])
     AS r(member_id, rule_id, day)
   ORDER BY member_id
   ON CONFLICT (member_id, rule_id, day) DO UPDATE SET uses = earning_rule_usage.uses + 1`,
};
