import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lines with units returned, by order: order_net_values looks each order's returned value up
 * here, so reports over every order (insights' purchase summaries) probe a small index of the
 * few returned lines instead of every order's lines.
 */
export class IndexReturnedOrderLines1796039169526 implements MigrationInterface {
  name = 'IndexReturnedOrderLines1796039169526';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_order_lines_returned" ON "order_lines" ("member_id", "order_uuid") WHERE returned_quantity > 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_order_lines_returned"`);
  }
}
