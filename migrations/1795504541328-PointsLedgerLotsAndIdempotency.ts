import { MigrationInterface, QueryRunner } from 'typeorm';

export class PointsLedgerLotsAndIdempotency1795504541328 implements MigrationInterface {
  name = 'PointsLedgerLotsAndIdempotency1795504541328';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotent_requests" ("scope" text NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c61c401db0503a6fc70ad4c8d4d" PRIMARY KEY ("scope", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_accounts" ("member_id" uuid NOT NULL, "available" bigint NOT NULL DEFAULT '0', "pending" bigint NOT NULL DEFAULT '0', "lifetime_earned" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d1e56ed27abfbe94f4c3ab43816" PRIMARY KEY ("member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_lots" ("member_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "transaction_id" uuid NOT NULL, "amount" bigint NOT NULL, "remaining" bigint NOT NULL, "state" text NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d51c4330ebd1225bbe5d86085fa" PRIMARY KEY ("member_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ledger_lots_spendable" ON "ledger_lots"  ("member_id", "expires_at") WHERE remaining > 0`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ledger_lots_expiry_due" ON "ledger_lots"  ("expires_at") WHERE state = 'available' AND remaining > 0`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ledger_lots_pending_due" ON "ledger_lots"  ("available_at") WHERE state = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ledger_lots_credit" ON "ledger_lots"  ("member_id", "transaction_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_lot_consumptions" ("member_id" uuid NOT NULL, "transaction_id" uuid NOT NULL, "lot_id" uuid NOT NULL, "step" smallint NOT NULL DEFAULT '0', "amount" bigint NOT NULL, CONSTRAINT "PK_5c94438f86929b025449949f5a3" PRIMARY KEY ("member_id", "transaction_id", "lot_id", "step"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_postings" ("member_id" uuid NOT NULL, "transaction_id" uuid NOT NULL, "account" text NOT NULL, "amount" bigint NOT NULL, CONSTRAINT "PK_54537ca8a065637c1e1f04d8463" PRIMARY KEY ("member_id", "transaction_id", "account"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_transactions" ("member_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "points" bigint NOT NULL, "idempotency_key" text NOT NULL, "request_hash" text NOT NULL, "reverses_id" uuid, "reason" text, "description" text NOT NULL, "reference" jsonb, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_ledger_transactions_idempotency" UNIQUE ("member_id", "idempotency_key"), CONSTRAINT "PK_b5a8c84e67a47ebe8191e78086f" PRIMARY KEY ("member_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ledger_transactions_reverses" ON "ledger_transactions"  ("member_id", "reverses_id") WHERE reverses_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ledger_transactions_activity" ON "ledger_transactions"  ("member_id", "occurred_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "program_settings" ("id" smallint NOT NULL DEFAULT '1', "name" text NOT NULL DEFAULT 'Vafa Rewards', "currency" text NOT NULL DEFAULT 'USD', "minor_units_per_major" integer NOT NULL DEFAULT '100', "points_pending_days" integer NOT NULL DEFAULT '0', "points_expiry_days" integer NOT NULL DEFAULT '365', "redemption_points" integer NOT NULL DEFAULT '100', "redemption_value" integer NOT NULL DEFAULT '100', "max_redeem_percent" integer NOT NULL DEFAULT '100', "time_zone" text NOT NULL DEFAULT 'UTC', "extra" jsonb NOT NULL DEFAULT '{}'::jsonb, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_program_settings_single_row" CHECK (id = 1), CONSTRAINT "PK_4c10b631033490b3f95e63f0910" PRIMARY KEY ("id"))`,
    );

    // Hand-written: what the entities cannot say.
    await queryRunner.query(
      `INSERT INTO "program_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_lots" ADD CONSTRAINT "ck_ledger_lots_remaining" CHECK (remaining >= 0 AND remaining <= amount AND amount > 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ck_ledger_accounts_pending" CHECK (pending >= 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_lots" ADD CONSTRAINT "ck_ledger_lots_state" CHECK (state IN ('pending', 'available'))`,
    );
    // The ledger's history is append-only: corrections are new transactions.
    await queryRunner.query(`CREATE FUNCTION ledger_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger history is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['ledger_transactions', 'ledger_postings', 'ledger_lot_consumptions']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION ledger_history_is_append_only()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['ledger_transactions', 'ledger_postings', 'ledger_lot_consumptions']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_append_only ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_history_is_append_only()`);
    await queryRunner.query(`DROP TABLE "program_settings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_transactions_activity"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_transactions_reverses"`);
    await queryRunner.query(`DROP TABLE "ledger_transactions"`);
    await queryRunner.query(`DROP TABLE "ledger_postings"`);
    await queryRunner.query(`DROP TABLE "ledger_lot_consumptions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_lots_credit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_lots_pending_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_lots_expiry_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_lots_spendable"`);
    await queryRunner.query(`DROP TABLE "ledger_lots"`);
    await queryRunner.query(`DROP TABLE "ledger_accounts"`);
    await queryRunner.query(`DROP TABLE "idempotent_requests"`);
  }
}
