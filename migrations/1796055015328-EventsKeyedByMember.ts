import { MigrationInterface, QueryRunner } from 'typeorm';

/** Program-level events (no member) are stored under the nil UUID; `event_log` shows them as null. */
const NO_MEMBER = "'00000000-0000-0000-0000-000000000000'::uuid";

/**
 * The outbox keyed by member, so Citus can distribute it beside the member's other rows: the
 * primary key becomes (member_id, id) and member_id is never null. Webhook deliveries no longer
 * hold a foreign key to events (a table copied to every node cannot point into a distributed
 * one); the event retention job deletes an event's deliveries with it.
 */
export class EventsKeyedByMember1796055015328 implements MigrationInterface {
  name = 'EventsKeyedByMember1796055015328';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "fk_webhook_deliveries_event"`,
    );
    await queryRunner.query(
      `UPDATE "events" SET "member_id" = ${NO_MEMBER} WHERE "member_id" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "events" ALTER COLUMN "member_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "pk_events"`);
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "pk_events" PRIMARY KEY ("member_id", "id")`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE VIEW "event_log" AS
       SELECT "id", "type", NULLIF("member_id", ${NO_MEMBER}) AS "member_id", "member_seq", "occurred_at",
              "data", "created_at", "tx_id" FROM "events"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE VIEW "event_log" AS
       SELECT "id", "type", "member_id", "member_seq", "occurred_at", "data", "created_at", "tx_id" FROM "events"`,
    );
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "pk_events"`);
    await queryRunner.query(`ALTER TABLE "events" ADD CONSTRAINT "pk_events" PRIMARY KEY ("id")`);
    await queryRunner.query(`ALTER TABLE "events" ALTER COLUMN "member_id" DROP NOT NULL`);
    await queryRunner.query(
      `UPDATE "events" SET "member_id" = NULL WHERE "member_id" = ${NO_MEMBER}`,
    );
    await queryRunner.query(
      `DELETE FROM "webhook_deliveries" d WHERE NOT EXISTS (SELECT 1 FROM "events" e WHERE e.id = d.event_id)`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "fk_webhook_deliveries_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
