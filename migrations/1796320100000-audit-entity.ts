import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit viewer's filter: the kind of record a row is about ("registrations", "members", "auth"),
 * filled in for the rows written before (from their route or use-case name), and an index per
 * filter the viewer offers (kind and actor, newest first).
 */
export class AuditEntity1796320100000 implements MigrationInterface {
  name = 'AuditEntity1796320100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_log" ADD "entity" text`);
    await q.query(
      `UPDATE "audit_log" SET "entity" = CASE WHEN "action" LIKE '% /api/%' THEN split_part(split_part("action", ' ', 2), '/', 3) ELSE split_part("action", '.', 1) END`,
    );
    await q.query(`CREATE INDEX "audit_log_entity_idx" ON "audit_log" ("entity", "at") `);
    await q.query(`CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor_id", "at") `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."audit_log_actor_idx"`);
    await q.query(`DROP INDEX "public"."audit_log_entity_idx"`);
    await q.query(`ALTER TABLE "audit_log" DROP COLUMN "entity"`);
  }
}
