import { MigrationInterface, QueryRunner } from 'typeorm';

/** Mail texts staff reworded: one row per kind of mail and language; no row, the default text. */
export class MailTemplates1796320300000 implements MigrationInterface {
  name = 'MailTemplates1796320300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "mail_template" ("kind" text NOT NULL, "lang" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "mail_template_pk" PRIMARY KEY ("kind", "lang"))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "mail_template"`);
  }
}
