import { MigrationInterface, QueryRunner } from 'typeorm';

export class SurpriseAndDelightCampaigns1795508272851 implements MigrationInterface {
  name = 'SurpriseAndDelightCampaigns1795508272851';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaign_assignments" ("campaign_id" uuid NOT NULL, "run_id" uuid NOT NULL, "member_id" uuid NOT NULL, "assigned_group" text NOT NULL, "reason" text, "points" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b714555ef52193b6254447ae0b" PRIMARY KEY ("campaign_id", "run_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_campaign_assignments_cooldown" ON "campaign_assignments"  ("campaign_id", "member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL, "trigger" text NOT NULL, "seed" text NOT NULL, "eligible" integer NOT NULL DEFAULT '0', "holdout" integer NOT NULL DEFAULT '0', "granted" integer NOT NULL DEFAULT '0', "skipped" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_da3eaaf120b4a3a3a599d91ceaa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_campaign_runs_campaign" ON "campaign_runs"  ("campaign_id", "started_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "schedule" text, "audience" jsonb NOT NULL, "gift" jsonb NOT NULL, "probability" double precision NOT NULL DEFAULT '1', "cooldown_days" integer NOT NULL DEFAULT '0', "holdout_percent" integer NOT NULL DEFAULT '0', "max_grants_per_run" integer, "max_points_total" bigint, "points_granted" bigint NOT NULL DEFAULT '0', "follow_up_days" integer NOT NULL DEFAULT '30', "active_from" TIMESTAMP WITH TIME ZONE, "active_until" TIMESTAMP WITH TIME ZONE, "last_scheduled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP INDEX "public"."ix_campaign_runs_campaign"`);
    await queryRunner.query(`DROP TABLE "campaign_runs"`);
    await queryRunner.query(`DROP INDEX "public"."ix_campaign_assignments_cooldown"`);
    await queryRunner.query(`DROP TABLE "campaign_assignments"`);
  }
}
