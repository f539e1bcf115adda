import { MigrationInterface, QueryRunner } from 'typeorm';

export class RewardsCatalogAndCoupons1795508048963 implements MigrationInterface {
  name = 'RewardsCatalogAndCoupons1795508048963';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rewards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text, "type" text NOT NULL, "points_cost" integer NOT NULL, "value_amount" bigint, "value_text" text, "stock" integer, "stock_remaining" integer, "per_member_limit" integer, "tiers" jsonb NOT NULL DEFAULT '[]', "valid_days" integer, "active_from" TIMESTAMP WITH TIME ZONE, "active_until" TIMESTAMP WITH TIME ZONE, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3d947441a48debeb9b7366f8b8c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "reward_redemptions" ("member_id" uuid NOT NULL, "id" uuid NOT NULL, "reward_id" uuid NOT NULL, "reward_name" text NOT NULL, "reward_type" text NOT NULL, "value_amount" bigint, "value_text" text, "source" text NOT NULL, "points_spent" bigint NOT NULL DEFAULT '0', "code" text, "status" text NOT NULL DEFAULT 'active', "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "used_at" TIMESTAMP WITH TIME ZONE, "order_uuid" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "ledger_transaction_id" uuid, "idempotency_key" text NOT NULL, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_52925561fccb6cbb564ec41b0c8" PRIMARY KEY ("member_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reward_redemptions_expiry" ON "reward_redemptions"  ("expires_at") WHERE status = 'active' AND expires_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reward_redemptions_id" ON "reward_redemptions"  ("id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reward_redemptions_member_order" ON "reward_redemptions"  ("member_id", "order_uuid") WHERE order_uuid IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reward_redemptions_member_reward" ON "reward_redemptions"  ("member_id", "reward_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_reward_redemptions_idempotency" ON "reward_redemptions"  ("idempotency_key", "member_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_reward_redemptions_code" ON "reward_redemptions"  ("code", "member_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_reward_redemptions_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reward_redemptions_idempotency"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reward_redemptions_member_reward"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reward_redemptions_member_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reward_redemptions_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reward_redemptions_expiry"`);
    await queryRunner.query(`DROP TABLE "reward_redemptions"`);
    await queryRunner.query(`DROP TABLE "rewards"`);
  }
}
