import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mails by the record they are about: the staff list filters by it, and a new mail about a
 * registration or an application takes the language of the first one (its confirmation).
 */
export class MailRelatedIndex1796310000000 implements MigrationInterface {
  name = 'MailRelatedIndex1796310000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "mail_outbox_related_idx" ON "mail_outbox" ("related_id") `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."mail_outbox_related_idx"`);
  }
}
