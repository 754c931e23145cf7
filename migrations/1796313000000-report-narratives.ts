import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff's narrative of the annual report (評価, 課題, 次年度の取組), one row per fiscal year and
 * action item, and every change to it (who, when, the old and the new text) in a history table
 * that is only ever appended to.
 */
export class ReportNarratives1796313000000 implements MigrationInterface {
  name = 'ReportNarratives1796313000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "report_narrative" ("fiscal_year" integer NOT NULL, "action_item_code" text NOT NULL, "evaluation" text NOT NULL DEFAULT '', "issues" text NOT NULL DEFAULT '', "next_steps" text NOT NULL DEFAULT '', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "report_narrative_pk" PRIMARY KEY ("fiscal_year", "action_item_code"))`,
    );
    await q.query(
      `CREATE TABLE "report_narrative_history" ("id" BIGSERIAL NOT NULL, "fiscal_year" integer NOT NULL, "action_item_code" text NOT NULL, "old_value" jsonb, "new_value" jsonb NOT NULL, "changed_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "report_narrative_history_pk" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "report_narrative_history_item_idx" ON "report_narrative_history" ("fiscal_year", "action_item_code", "changed_at")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "report_narrative_history"`);
    await q.query(`DROP TABLE "report_narrative"`);
  }
}
