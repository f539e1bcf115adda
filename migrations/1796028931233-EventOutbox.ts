import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: events written in the transaction of the change they describe, with
 * a per-member sequence. `tx_id` is the writing transaction's id: listing in (tx_id, id) order
 * and only below the oldest running transaction never skips an event that commits late.
 */
export class EventOutbox1796028931233 implements MigrationInterface {
  name = 'EventOutbox1796028931233';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "events" ("id" uuid NOT NULL, "type" text NOT NULL, "member_id" uuid, "member_seq" bigint, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "data" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "fanned_out_at" TIMESTAMP WITH TIME ZONE, "tx_id" bigint NOT NULL, CONSTRAINT "pk_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_events_position" ON "events" ("tx_id", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_events_type_position" ON "events" ("type", "tx_id", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_events_created_at" ON "events" ("created_at", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_events_undispatched" ON "events" ("tx_id", "id") WHERE "fanned_out_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "member_event_sequences" ("member_id" uuid NOT NULL, "last_seq" bigint NOT NULL, CONSTRAINT "pk_member_event_sequences" PRIMARY KEY ("member_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "member_event_sequences"`);
    await queryRunner.query(`DROP TABLE "events"`);
  }
}
