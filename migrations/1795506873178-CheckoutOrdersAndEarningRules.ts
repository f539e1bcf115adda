import { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckoutOrdersAndEarningRules1795506873178 implements MigrationInterface {
  name = 'CheckoutOrdersAndEarningRules1795506873178';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_transactions_activity"`);
    await queryRunner.query(
      `CREATE TABLE "earning_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "priority" integer NOT NULL DEFAULT '0', "stackable" boolean NOT NULL DEFAULT true, "conditions" jsonb NOT NULL, "effect" jsonb NOT NULL, "limits" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9799968a44c5df89bbbf894d47" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "orders" ("member_id" uuid NOT NULL, "id" uuid NOT NULL, "order_id" text NOT NULL, "store_id" text, "channel" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "subtotal" bigint NOT NULL, "coupon_discount" bigint NOT NULL DEFAULT '0', "points_discount" bigint NOT NULL DEFAULT '0', "total" bigint NOT NULL, "points_earned" bigint NOT NULL DEFAULT '0', "bonus_points" bigint NOT NULL DEFAULT '0', "points_redeemed" bigint NOT NULL DEFAULT '0', "earn_transaction_id" uuid, "redeem_transaction_id" uuid, "applied_rules" jsonb NOT NULL DEFAULT '[]', "source" text NOT NULL DEFAULT 'checkout', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c78707e60c7a5daaf5239e43d5f" PRIMARY KEY ("member_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_orders_member_time" ON "orders"  ("member_id", "occurred_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_orders_order_id" ON "orders"  ("order_id") `);
    await queryRunner.query(
      `CREATE TABLE "order_lines" ("member_id" uuid NOT NULL, "order_uuid" uuid NOT NULL, "line_no" integer NOT NULL, "sku" text NOT NULL, "category" text, "quantity" integer NOT NULL, "unit_price" bigint NOT NULL, "net_amount" bigint NOT NULL, "points" bigint NOT NULL, "returned_quantity" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_27988c704f9c5d9b8d63aa19429" PRIMARY KEY ("member_id", "order_uuid", "line_no"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "earning_rule_usage" ("member_id" uuid NOT NULL, "rule_id" uuid NOT NULL, "day" date NOT NULL, "uses" integer NOT NULL, CONSTRAINT "PK_5cebff1c41a32fa92ae9e94c9c4" PRIMARY KEY ("member_id", "rule_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "order_returns" ("member_id" uuid NOT NULL, "id" uuid NOT NULL, "order_uuid" uuid NOT NULL, "lines" jsonb NOT NULL, "points_reversed" bigint NOT NULL, "points_refunded" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0b01d502e0ea61ce23631058922" PRIMARY KEY ("member_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ledger_transactions_activity" ON "ledger_transactions"  ("member_id", "occurred_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_transactions_activity"`);
    await queryRunner.query(`DROP TABLE "order_returns"`);
    await queryRunner.query(`DROP TABLE "earning_rule_usage"`);
    await queryRunner.query(`DROP TABLE "order_lines"`);
    await queryRunner.query(`DROP INDEX "public"."uq_orders_order_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_orders_member_time"`);
    await queryRunner.query(`DROP TABLE "orders"`);
    await queryRunner.query(`DROP TABLE "earning_rules"`);
    await queryRunner.query(
      `CREATE INDEX "ix_ledger_transactions_activity" ON "ledger_transactions" USING btree ("id", "member_id", "occurred_at") `,
    );
  }
}
