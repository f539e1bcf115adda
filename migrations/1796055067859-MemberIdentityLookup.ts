import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member identities (card number, referral code, email, phone, external id) kept unique by a
 * lookup table keyed by the value instead of by unique indexes on `members`: a table
 * distributed by member id cannot keep a unique index without that id, and the lookup table can
 * be distributed by the value. Written in the same transaction as the member's row.
 */
export class MemberIdentityLookup1796055067859 implements MigrationInterface {
  name = 'MemberIdentityLookup1796055067859';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "member_identities" ("kind" text NOT NULL, "value" text NOT NULL, "member_id" uuid NOT NULL, CONSTRAINT "ck_member_identities_kind" CHECK (kind IN ('card_number', 'referral_code', 'email', 'phone', 'external_id')), CONSTRAINT "pk_member_identities" PRIMARY KEY ("kind", "value"))`,
    );
    await queryRunner.query(
      `INSERT INTO "member_identities" ("kind", "value", "member_id")
       SELECT i.kind, i.value, m.id
       FROM "members" m
       CROSS JOIN LATERAL (VALUES ('card_number', m.card_number), ('referral_code', m.referral_code),
                                  ('email', m.email), ('phone', m.phone), ('external_id', m.external_id))
         AS i(kind, value)
       WHERE i.value IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_members_external_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_members_email"`);
    await queryRunner.query(`DROP INDEX "public"."uq_members_phone"`);
    await queryRunner.query(`DROP INDEX "public"."uq_members_referral_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_members_card_number"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
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
    await queryRunner.query(`DROP TABLE "member_identities"`);
  }
}
