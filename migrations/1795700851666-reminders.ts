import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1795700851666 implements MigrationInterface {
  name = 'Reminders1795700851666';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "reminder_sent" ("kind" text NOT NULL, "target_id" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e7c8fbe092f9b8c4ff7660761a9" PRIMARY KEY ("kind", "target_id"))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reminder_sent"`);
  }
}
