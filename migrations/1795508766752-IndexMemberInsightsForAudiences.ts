import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexMemberInsightsForAudiences1795508766752 implements MigrationInterface {
  name = 'IndexMemberInsightsForAudiences1795508766752';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_member_insights_segment" ON "member_insights"  ("rfm_segment") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_member_insights_clv" ON "member_insights"  ("clv") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_member_insights_clv"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_insights_segment"`);
  }
}
