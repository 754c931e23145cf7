import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailOutbox1795697554475 implements MigrationInterface {
  name = 'MailOutbox1795697554475';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "to_address" text NOT NULL, "subject" text NOT NULL, "body_text" text NOT NULL, "kind" text NOT NULL, "related_id" text, "attachments" jsonb NOT NULL DEFAULT '[]', "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox"  ("status", "next_attempt_at") `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."mail_outbox_pending_idx"`);
    await q.query(`DROP TABLE "mail_outbox"`);
  }
}
