import { MigrationInterface, QueryRunner } from 'typeorm';

export class TiersAndMemberTiers1795507505715 implements MigrationInterface {
  name = 'TiersAndMemberTiers1795507505715';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "member_tiers" ("member_id" uuid NOT NULL, "tier_code" text NOT NULL, "achieved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "below_since" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_145128cfb4b0e2bcb9383dd0743" PRIMARY KEY ("member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "tiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "rank" integer NOT NULL, "qualification" jsonb NOT NULL, "benefits" jsonb NOT NULL DEFAULT '{}', "downgrade_grace_days" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_908405492b9b2c2ae1cea1e1cc0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tiers_rank" ON "tiers"  ("rank") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tiers_code" ON "tiers"  ("code") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_tiers_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tiers_rank"`);
    await queryRunner.query(`DROP TABLE "tiers"`);
    await queryRunner.query(`DROP TABLE "member_tiers"`);
  }
}
