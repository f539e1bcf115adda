import { MigrationInterface, QueryRunner } from 'typeorm';

export class InsightModelsAndMemberScores1795507792211 implements MigrationInterface {
  name = 'InsightModelsAndMemberScores1795507792211';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "insight_models" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, "bgnbd" jsonb NOT NULL, "gamma_gamma" jsonb NOT NULL, "customers" integer NOT NULL, CONSTRAINT "PK_f36ca7d735051fcba0d72aaebba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "member_insights" ("member_id" uuid NOT NULL, "model_id" uuid, "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recency_days" integer NOT NULL, "frequency" integer NOT NULL, "monetary" double precision NOT NULL, "recency_score" smallint NOT NULL, "frequency_score" smallint NOT NULL, "monetary_score" smallint NOT NULL, "rfm_segment" text NOT NULL, "expected_purchases" double precision, "p_alive" double precision, "expected_spend" double precision, "clv" double precision, "horizon_days" integer, CONSTRAINT "PK_d504da2721cab24b1fcee20fff7" PRIMARY KEY ("member_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "member_insights"`);
    await queryRunner.query(`DROP TABLE "insight_models"`);
  }
}
