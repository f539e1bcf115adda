import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member search by name (trigram), email and card-number prefix; the program's default country
 * for phones written without a country code; manual tier assignments held until a date.
 */
export class MemberSearchPhonesAndTierHolds1796017254206 implements MigrationInterface {
  name = 'MemberSearchPhonesAndTierHolds1796017254206';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "ix_members_name_trgm" ON "members" USING gin ("name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_members_email_prefix" ON "members" ("email" text_pattern_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_members_card_prefix" ON "members" ("card_number" text_pattern_ops)`,
    );
    await queryRunner.query(`ALTER TABLE "program_settings" ADD "default_country" text`);
    await queryRunner.query(`ALTER TABLE "member_tiers" ADD "held_until" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "member_tiers" DROP COLUMN "held_until"`);
    await queryRunner.query(`ALTER TABLE "program_settings" DROP COLUMN "default_country"`);
    await queryRunner.query(`DROP INDEX "public"."ix_members_card_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."ix_members_email_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."ix_members_name_trgm"`);
  }
}
