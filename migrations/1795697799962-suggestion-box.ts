import { MigrationInterface, QueryRunner } from 'typeorm';

export class SuggestionBox1795697799962 implements MigrationInterface {
  name = 'SuggestionBox1795697799962';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "suggestion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category" text NOT NULL, "body" text NOT NULL, "anonymous" boolean NOT NULL, "named_poster_id" uuid, "status" text NOT NULL DEFAULT 'received', "division" text, "assignee_id" uuid, "answer_body" text, "answer_public" boolean NOT NULL DEFAULT false, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by_id" uuid, "received_fiscal_year" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "suggestion_named_check" CHECK (NOT ("anonymous" AND "named_poster_id" IS NOT NULL)), CONSTRAINT "suggestion_category_check" CHECK ("category" IN ('events', 'services', 'membership', 'website', 'other')), CONSTRAINT "suggestion_status_check" CHECK ("status" IN ('received', 'in_review', 'answered')), CONSTRAINT "PK_aa072a020434ddd7104de98eebb" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "suggestion_fiscal_year_idx" ON "suggestion"  ("received_fiscal_year") `);
    await q.query(`CREATE INDEX "suggestion_status_created_idx" ON "suggestion"  ("status", "created_at") `);
    await q.query(
      `CREATE TABLE "suggestion_author" ("suggestion_id" uuid NOT NULL, "user_id" uuid NOT NULL, "posted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fdac4d21dd60312b88de507caa1" PRIMARY KEY ("suggestion_id"))`,
    );
    await q.query(`CREATE INDEX "suggestion_author_user_idx" ON "suggestion_author"  ("user_id", "posted_at") `);
    await q.query(
      `ALTER TABLE "suggestion" ADD CONSTRAINT "FK_5c0e9ceec5ad0bf15788e020018" FOREIGN KEY ("named_poster_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "suggestion" ADD CONSTRAINT "FK_f2bd382d87cb8b15ea85903c29e" FOREIGN KEY ("assignee_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "suggestion" ADD CONSTRAINT "FK_14bead1ec6001fa86097a63564f" FOREIGN KEY ("answered_by_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "suggestion_author" ADD CONSTRAINT "FK_fdac4d21dd60312b88de507caa1" FOREIGN KEY ("suggestion_id") REFERENCES "suggestion"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "suggestion_author" ADD CONSTRAINT "FK_8f4815e2c12cc791bc77574acc8" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "suggestion_author" DROP CONSTRAINT "FK_8f4815e2c12cc791bc77574acc8"`);
    await q.query(`ALTER TABLE "suggestion_author" DROP CONSTRAINT "FK_fdac4d21dd60312b88de507caa1"`);
    await q.query(`ALTER TABLE "suggestion" DROP CONSTRAINT "FK_14bead1ec6001fa86097a63564f"`);
    await q.query(`ALTER TABLE "suggestion" DROP CONSTRAINT "FK_f2bd382d87cb8b15ea85903c29e"`);
    await q.query(`ALTER TABLE "suggestion" DROP CONSTRAINT "FK_5c0e9ceec5ad0bf15788e020018"`);
    await q.query(`DROP INDEX "public"."suggestion_author_user_idx"`);
    await q.query(`DROP TABLE "suggestion_author"`);
    await q.query(`DROP INDEX "public"."suggestion_status_created_idx"`);
    await q.query(`DROP INDEX "public"."suggestion_fiscal_year_idx"`);
    await q.query(`DROP TABLE "suggestion"`);
  }
}
