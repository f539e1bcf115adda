import { MigrationInterface, QueryRunner } from 'typeorm';

const UUID = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;

/**
 * Two program-wide unique keys that Citus cannot keep on tables distributed by member:
 *
 * - The merchant's order id moves from a unique index on `orders` to the lookup table
 *   `order_ids` (its primary key; distributed by `order_id`), written in the order's
 *   transaction. No query reads `orders` by order id any more (returns and the import's points
 *   go through `order_ids`), so `orders` gets no index in its place.
 *
 * - An Idempotency-Key becomes unique per member: `idempotent_requests` gets `member_id` and the
 *   primary key (member_id, scope, key), so a checkout's claim lands on the member's shard.
 *   Existing rows are attributed so that a retry sent before the upgrade still replays after it:
 *   the response's `memberId` (checkouts, adjustments), the member in the scope (`redeem:<id>`),
 *   the redemption, return or order the response names (till and app redemptions, grants,
 *   returns), or the adjustment's ledger transaction (`adjust:<scope>:<key>`). Every committed
 *   request of every scope so far names one of these (the response is stored in the request's
 *   own transaction, and members, orders, returns and redemptions are never deleted); a row that
 *   still names no member cannot be found under the new key by any retry, and a primary key
 *   needs its member, so it is deleted.
 */
export class OrderIdLookupAndMemberScopedIdempotency1796055083029 implements MigrationInterface {
  name = 'OrderIdLookupAndMemberScopedIdempotency1796055083029';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "order_ids" ("order_id" text NOT NULL, "member_id" uuid NOT NULL, "order_uuid" uuid NOT NULL, CONSTRAINT "pk_order_ids" PRIMARY KEY ("order_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "order_ids" ("order_id", "member_id", "order_uuid") SELECT "order_id", "member_id", "id" FROM "orders"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_orders_order_id"`);

    await queryRunner.query(`ALTER TABLE "idempotent_requests" ADD "member_id" uuid`);
    await queryRunner.query(
      `UPDATE "idempotent_requests" SET "member_id" = ("response"->>'memberId')::uuid
       WHERE "response"->>'memberId' ~ ${UUID}`,
    );
    await queryRunner.query(
      `UPDATE "idempotent_requests" SET "member_id" = substring("scope" from 8)::uuid
       WHERE "member_id" IS NULL AND "scope" LIKE 'redeem:%' AND substring("scope" from 8) ~ ${UUID}`,
    );
    for (const [table, field] of [
      ['reward_redemptions', 'redemptionId'],
      ['order_returns', 'returnId'],
      ['orders', 'checkoutId'],
    ] as const) {
      await queryRunner.query(
        `UPDATE "idempotent_requests" r SET "member_id" = x."member_id" FROM "${table}" x
         WHERE r."member_id" IS NULL AND x."id"::text = r."response"->>'${field}'`,
      );
    }
    await queryRunner.query(
      `UPDATE "idempotent_requests" r SET "member_id" = t."member_id" FROM "ledger_transactions" t
       WHERE r."member_id" IS NULL AND t."idempotency_key" = 'adjust:' || r."scope" || ':' || r."key"`,
    );
    await queryRunner.query(`DELETE FROM "idempotent_requests" WHERE "member_id" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "idempotent_requests" ALTER COLUMN "member_id" SET NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "idempotent_requests" DROP CONSTRAINT "PK_c61c401db0503a6fc70ad4c8d4d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "idempotent_requests" ADD CONSTRAINT "pk_idempotent_requests" PRIMARY KEY ("member_id", "scope", "key")`,
    );
  }

  /**
   * Back to keys unique per scope: where one key was used for several members since, only the
   * first request keeps its stored answer (a retry of the others is then refused as a reused
   * key instead of replayed).
   */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "idempotent_requests" DROP CONSTRAINT "pk_idempotent_requests"`,
    );
    await queryRunner.query(
      `DELETE FROM "idempotent_requests" r USING "idempotent_requests" first
       WHERE first."scope" = r."scope" AND first."key" = r."key"
         AND (first."created_at", first."member_id") < (r."created_at", r."member_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "idempotent_requests" ADD CONSTRAINT "PK_c61c401db0503a6fc70ad4c8d4d" PRIMARY KEY ("scope", "key")`,
    );
    await queryRunner.query(`ALTER TABLE "idempotent_requests" DROP COLUMN "member_id"`);

    await queryRunner.query(`CREATE UNIQUE INDEX "uq_orders_order_id" ON "orders" ("order_id") `);
    await queryRunner.query(`DROP TABLE "order_ids"`);
  }
}
