import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member notifications: the program settings saying when members are reminded of expiring points
 * and warned of a tier downgrade; the record of each notification sent, whose key makes it go
 * out once; and an index finding the members whose birthday is a given day.
 */
export class MemberNotifications1796029224020 implements MigrationInterface {
  name = 'MemberNotifications1796029224020';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "program_settings" ADD "expiry_reminder_days" integer array NOT NULL DEFAULT '{30,7}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "program_settings" ADD "tier_downgrade_warning_days" integer NOT NULL DEFAULT '14'`,
    );
    await queryRunner.query(
      `CREATE TABLE "member_notifications" ("member_id" uuid NOT NULL, "kind" text NOT NULL, "dedupe_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_member_notifications" PRIMARY KEY ("member_id", "kind", "dedupe_key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_member_notifications_created_at" ON "member_notifications" ("created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_members_birthday" ON "members" ((extract(month FROM "birth_date")), (extract(day FROM "birth_date"))) WHERE "birth_date" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_members_birthday"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_notifications_created_at"`);
    await queryRunner.query(`DROP TABLE "member_notifications"`);
    await queryRunner.query(
      `ALTER TABLE "program_settings" DROP COLUMN "tier_downgrade_warning_days"`,
    );
    await queryRunner.query(`ALTER TABLE "program_settings" DROP COLUMN "expiry_reminder_days"`);
  }
}
