import { MigrationInterface, QueryRunner } from 'typeorm';

export class FoundationApiKeysAndMembers1795503970151 implements MigrationInterface {
  name = 'FoundationApiKeysAndMembers1795503970151';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "role" text NOT NULL, "store_id" text, "key_hash" text NOT NULL, "key_prefix" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_api_keys_key_hash" ON "api_keys"  ("key_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_settings" ("name" text NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_1e65868846c19869bd41115aff7" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" text, "email" text, "phone" text, "card_number" text NOT NULL, "referral_code" text NOT NULL, "name" text, "birth_date" date, "enrolled_channel" text, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_28b53062261b996d9c99fa12404" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_members_card_number" ON "members"  ("card_number") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_members_referral_code" ON "members"  ("referral_code") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_members_phone" ON "members"  ("phone") WHERE phone IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_members_email" ON "members"  ("email") WHERE email IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_members_external_id" ON "members"  ("external_id") WHERE external_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_members_external_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_members_email"`);
    await queryRunner.query(`DROP INDEX "public"."uq_members_phone"`);
    await queryRunner.query(`DROP INDEX "public"."uq_members_referral_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_members_card_number"`);
    await queryRunner.query(`DROP TABLE "members"`);
    await queryRunner.query(`DROP TABLE "platform_settings"`);
    await queryRunner.query(`DROP INDEX "public"."uq_api_keys_key_hash"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
