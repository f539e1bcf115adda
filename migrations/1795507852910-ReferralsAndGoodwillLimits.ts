import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferralsAndGoodwillLimits1795507852910 implements MigrationInterface {
  name = 'ReferralsAndGoodwillLimits1795507852910';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "referral_program" ("id" smallint NOT NULL DEFAULT '1', "active" boolean NOT NULL DEFAULT false, "referrer_points" integer NOT NULL DEFAULT '0', "referee_points" integer NOT NULL DEFAULT '0', "qualifying_min_spend" bigint NOT NULL DEFAULT '0', "max_referrals_per_member" integer NOT NULL DEFAULT '10', "attribution_days" integer NOT NULL DEFAULT '90', "velocity_max" integer NOT NULL DEFAULT '5', "velocity_window_hours" integer NOT NULL DEFAULT '24', "share_base_url" text NOT NULL DEFAULT 'https://example.com/join', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_referral_program_single_row" CHECK (id = 1), CONSTRAINT "PK_2a48fee0a76a89b91e78d7fe3fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "referrals" ("referee_id" uuid NOT NULL, "referrer_id" uuid NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "hold_reason" text, "approved" boolean NOT NULL DEFAULT false, "qualifying_order_uuid" uuid, "referee_transaction_id" uuid, "referrer_transaction_id" uuid, "referrer_points" integer NOT NULL DEFAULT '0', "referee_points" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3703ae83894cb2e054d405b9273" PRIMARY KEY ("referee_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referrals_referrer" ON "referrals"  ("joined_at", "referrer_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "program_settings" ADD "goodwill_daily_budget" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "program_settings" ADD "goodwill_monthly_cap" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `INSERT INTO "referral_program" ("id") VALUES (1) ON CONFLICT DO NOTHING`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "program_settings" DROP COLUMN "goodwill_monthly_cap"`);
    await queryRunner.query(`ALTER TABLE "program_settings" DROP COLUMN "goodwill_daily_budget"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referrals_referrer"`);
    await queryRunner.query(`DROP TABLE "referrals"`);
    await queryRunner.query(`DROP TABLE "referral_program"`);
  }
}
