import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffUsersAndSessions1796018954190 implements MigrationInterface {
  name = 'StaffUsersAndSessions1796018954190';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "store_id" text, "password_hash" text NOT NULL, "disabled" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_sign_in_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_staff_users" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_staff_users_email" ON "staff_users" ("email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "csrf_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_staff_sessions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_staff_sessions_token_hash" ON "staff_sessions" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_sessions_user_id" ON "staff_sessions" ("user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_sessions" ADD CONSTRAINT "fk_staff_sessions_user" FOREIGN KEY ("user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "staff_sessions" DROP CONSTRAINT "fk_staff_sessions_user"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_staff_sessions_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_staff_sessions_token_hash"`);
    await queryRunner.query(`DROP TABLE "staff_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_staff_users_email"`);
    await queryRunner.query(`DROP TABLE "staff_users"`);
  }
}
