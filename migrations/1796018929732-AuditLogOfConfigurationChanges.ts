import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log of configuration changes, filtered by resource or actor and read newest first. */
export class AuditLogOfConfigurationChanges1796018929732 implements MigrationInterface {
  name = 'AuditLogOfConfigurationChanges1796018929732';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_kind" text NOT NULL, "actor_id" text, "actor_name" text, "action" text NOT NULL, "resource_type" text NOT NULL, "resource_id" text NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_resource" ON "audit_log" ("resource_type", "resource_id", "at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_actor" ON "audit_log" ("actor_id", "at", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_actor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_resource"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_at"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
