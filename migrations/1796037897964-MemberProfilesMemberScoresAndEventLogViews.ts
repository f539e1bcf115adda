import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What other libs may read of three owners' tables, as views (column lists the owner keeps
 * stable while its tables change); each selects from one table, so PostgreSQL inlines it and a
 * query on a view uses the table's indexes as before. Readable by every lib, written by none.
 *
 * - `member_profiles` (libs/members): a member's identity and profile.
 * - `member_scores` (libs/insights): each scored member's RFM segment and CLV.
 * - `event_log` (libs/platform): the outbox's events, for the feed and the webhook fan-out.
 */
export class MemberProfilesMemberScoresAndEventLogViews1796037897964 implements MigrationInterface {
  name = 'MemberProfilesMemberScoresAndEventLogViews1796037897964';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIEW "member_profiles" AS
       SELECT "id", "external_id", "email", "phone", "card_number", "referral_code", "name", "birth_date",
              "enrolled_channel", "joined_at"
       FROM "members"`,
    );
    await queryRunner.query(
      `CREATE VIEW "member_scores" AS
       SELECT "member_id", "model_id", "scored_at", "rfm_segment", "clv" FROM "member_insights"`,
    );
    await queryRunner.query(
      `CREATE VIEW "event_log" AS
       SELECT "id", "type", "member_id", "member_seq", "occurred_at", "data", "created_at", "tx_id" FROM "events"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "event_log"`);
    await queryRunner.query(`DROP VIEW "member_scores"`);
    await queryRunner.query(`DROP VIEW "member_profiles"`);
  }
}
