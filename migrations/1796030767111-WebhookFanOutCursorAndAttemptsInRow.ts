import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper webhooks beside the checkout: the fan-out keeps its place in the events by (tx_id, id)
 * in one row instead of updating every event (whose UPDATE rewrote every index of events), and a
 * delivery keeps its attempts in its own row (one write per attempt instead of two).
 */
export class WebhookFanOutCursorAndAttemptsInRow1796030767111 implements MigrationInterface {
  name = 'WebhookFanOutCursorAndAttemptsInRow1796030767111';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhook_fan_out" ("id" smallint NOT NULL, "last_tx_id" bigint NOT NULL, "last_event_id" uuid NOT NULL, CONSTRAINT "pk_webhook_fan_out" PRIMARY KEY ("id"))`,
    );
    // Fanned out so far: up to the last event marked so (events go out in this order).
    await queryRunner.query(
      `INSERT INTO "webhook_fan_out" ("id", "last_tx_id", "last_event_id")
       SELECT 1, COALESCE(max_done.tx_id, 0), COALESCE(max_done.id, '00000000-0000-0000-0000-000000000000')
       FROM (SELECT 1) one LEFT JOIN LATERAL (
         SELECT "tx_id", "id" FROM "events" WHERE "fanned_out_at" IS NOT NULL
         ORDER BY "tx_id" DESC, "id" DESC LIMIT 1
       ) max_done ON true`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_events_undispatched"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "fanned_out_at"`);
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD "attempts" jsonb NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(
      `UPDATE "webhook_deliveries" d SET "attempts" = a.list
       FROM (
         SELECT "delivery_id", jsonb_agg(jsonb_build_object(
                  'at', to_char("at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'statusCode', "status_code", 'durationMs', "duration_ms", 'error', "error",
                  'responseExcerpt', "response_excerpt") ORDER BY "at") AS list
         FROM "webhook_delivery_attempts" GROUP BY "delivery_id"
       ) a
       WHERE d."id" = a."delivery_id"`,
    );
    await queryRunner.query(`DROP TABLE "webhook_delivery_attempts"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhook_delivery_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "status_code" integer, "duration_ms" integer NOT NULL, "error" text, "response_excerpt" text, CONSTRAINT "pk_webhook_delivery_attempts" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "webhook_delivery_attempts" ("delivery_id", "at", "status_code", "duration_ms", "error", "response_excerpt")
       SELECT d."id", (a->>'at')::timestamptz, (a->>'statusCode')::int, (a->>'durationMs')::int, a->>'error', a->>'responseExcerpt'
       FROM "webhook_deliveries" d, jsonb_array_elements(d."attempts") a`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_delivery_attempts_delivery" ON "webhook_delivery_attempts" ("delivery_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery_attempts" ADD CONSTRAINT "fk_webhook_delivery_attempts_delivery" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP COLUMN "attempts"`);
    await queryRunner.query(`ALTER TABLE "events" ADD "fanned_out_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "events" e SET "fanned_out_at" = now() FROM "webhook_fan_out" f
       WHERE (e."tx_id", e."id") <= (f."last_tx_id", f."last_event_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_events_undispatched" ON "events" ("tx_id", "id") WHERE "fanned_out_at" IS NULL`,
    );
    await queryRunner.query(`DROP TABLE "webhook_fan_out"`);
  }
}
