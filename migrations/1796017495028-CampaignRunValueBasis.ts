import { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignRunValueBasis1796017495028 implements MigrationInterface {
  name = 'CampaignRunValueBasis1796017495028';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign_runs" ADD "value_basis" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign_runs" DROP COLUMN "value_basis"`);
  }
}
