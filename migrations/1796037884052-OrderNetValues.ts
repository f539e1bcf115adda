import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `order_net_values` (owned by libs/points, read by every lib that counts purchases): one row
 * per order with what it is still worth after returns — the one definition of "net of
 * returns" that the returns use case, tiers, insights, campaigns and referrals share.
 *
 * Returned value: each line's net amount times the share of its units returned (integer
 * division, as the returns use case has always counted); points reversed: what the order's
 * returns took back. An order `fully_returned` had units returned and is worth nothing any
 * more: no purchase. The two lateral joins are removed by the planner when a query reads none
 * of their columns, and each is an index probe on the order's key, so a query for one member
 * stays on that member's rows.
 */
export class OrderNetValues1796037884052 implements MigrationInterface {
  name = 'OrderNetValues1796037884052';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIEW "order_net_values" AS
       SELECT o."member_id", o."id" AS "order_uuid", o."order_id", o."source", o."channel", o."store_id",
              o."occurred_at",
              o."total" AS "gross_total",
              coalesce(r."value", 0) AS "returned_total",
              o."total" - coalesce(r."value", 0) AS "net_total",
              r."value" IS NOT NULL AND o."total" - r."value" <= 0 AS "fully_returned",
              o."points_earned" AS "gross_points",
              o."points_earned" - coalesce(p."points", 0) AS "net_points"
       FROM "orders" o
       LEFT JOIN LATERAL (
         SELECT sum(l."net_amount" * l."returned_quantity" / l."quantity") AS "value" FROM "order_lines" l
         WHERE l."member_id" = o."member_id" AND l."order_uuid" = o."id" AND l."returned_quantity" > 0
       ) r ON true
       LEFT JOIN LATERAL (
         SELECT sum(x."points_reversed") AS "points" FROM "order_returns" x
         WHERE x."member_id" = o."member_id" AND x."order_uuid" = o."id"
       ) p ON true`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "order_net_values"`);
  }
}
