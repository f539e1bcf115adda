import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The members of one run filtered by group, in member order: without it a page of a rare group
 * (a few skipped members among a large audience) scans the whole run along the primary key.
 */
export class IndexCampaignAssignmentsByRunGroup1796026569168 implements MigrationInterface {
  name = 'IndexCampaignAssignmentsByRunGroup1796026569168';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_campaign_assignments_run_group" ON "campaign_assignments" ("run_id", "assigned_group", "member_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_campaign_assignments_run_group"`);
  }
}
