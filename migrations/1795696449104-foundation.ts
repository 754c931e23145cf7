import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795696449104 implements MigrationInterface {
  name = 'Foundation1795696449104';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "actor_id" uuid, "actor_role" text NOT NULL, "action" text NOT NULL, "resource_id" text, "status_code" integer NOT NULL, "detail" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "audit_log_at_idx" ON "audit_log"  ("at") `);
    await q.query(
      `CREATE TABLE "member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "name_kana" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_97cbbe986ce9d14ca5894fdc072" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "member_id" uuid, "display_name" text NOT NULL DEFAULT '', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_56a0e4bcec2b5411beafa47ffa5" UNIQUE ("email"), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "idempotency_key" ("scope" text NOT NULL, "key" text NOT NULL, "status_code" integer, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2738e797ef2c60d9a902bad976a" PRIMARY KEY ("scope", "key"))`,
    );
    await q.query(
      `CREATE TABLE "plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name_ja" text NOT NULL, "name_en" text NOT NULL, "start_fiscal_year" integer NOT NULL, "end_fiscal_year" integer NOT NULL, "continued_from_id" uuid, "preamble" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54a2b686aed3b637654bf7ddbb3" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "pillar" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "code" text NOT NULL, "name_ja" text NOT NULL, "name_en" text NOT NULL, "sort" integer NOT NULL, CONSTRAINT "PK_05b57455406be935cb5f33da524" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_eaec538ec00e696334bc9745e9" ON "pillar"  ("plan_id", "code") `);
    await q.query(
      `CREATE TABLE "theme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "pillar_id" uuid NOT NULL, "code" text NOT NULL, "name_ja" text NOT NULL, "name_en" text NOT NULL, "sort" integer NOT NULL, CONSTRAINT "PK_c1934d0b4403bf10c1ab0c18166" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_0e327fada1a5dd7cc822b7b12a" ON "theme"  ("plan_id", "code") `);
    await q.query(
      `CREATE TABLE "action_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "theme_id" uuid NOT NULL, "code" text NOT NULL, "title_ja" text NOT NULL, "title_en" text NOT NULL, "plan2019_ja" text NOT NULL, "plan2019_en" text NOT NULL, "plan2020_ja" text, "plan2020_en" text, "target2021_ja" text NOT NULL, "target2021_en" text NOT NULL, "division_ja" text NOT NULL, "division_en" text NOT NULL, "sort" integer NOT NULL, CONSTRAINT "PK_1214f6f4d832c402751617361c0" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_5357724ebc96fe2bd43423e213" ON "action_item"  ("plan_id", "code") `);
    await q.query(
      `CREATE TABLE "kpi_counter" ("action_item_code" text NOT NULL, "measure" text NOT NULL, "fiscal_year" integer NOT NULL, "value" numeric(18,6) NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_05d5e61fee1db83b2a38daa40ce" PRIMARY KEY ("action_item_code", "measure", "fiscal_year"))`,
    );
    await q.query(
      `CREATE TABLE "kpi_ledger" ("id" BIGSERIAL NOT NULL, "action_item_code" text NOT NULL, "measure" text NOT NULL, "fiscal_year" integer NOT NULL, "delta" numeric(18,6) NOT NULL, "source_type" text NOT NULL, "source_id" text, "kpi_id" uuid, "author_id" uuid, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa86a1cdbc38dedea211892189e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "kpi_ledger_source_idx" ON "kpi_ledger"  ("source_type", "source_id") `);
    await q.query(`CREATE INDEX "kpi_ledger_key_idx" ON "kpi_ledger"  ("action_item_code", "measure", "fiscal_year") `);
    await q.query(
      `CREATE TABLE "kpi" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "action_item_id" uuid NOT NULL, "action_item_code" text NOT NULL, "code" text NOT NULL, "label_ja" text NOT NULL, "label_en" text NOT NULL, "kind" text NOT NULL, "target" numeric(18,6), "unit" text NOT NULL, "ratio_window" text, "numerator" jsonb NOT NULL, "denominator" jsonb, "baseline" jsonb, "measure_note_ja" text NOT NULL DEFAULT '', "measure_note_en" text NOT NULL DEFAULT '', "sort" integer NOT NULL, CONSTRAINT "PK_56589835e31cc0331684d2d28a7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_050d6577661cbadaa10ecc3350" ON "kpi"  ("plan_id", "code") `);
    await q.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "FK_b82c5890a6945279a098bc8b106" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "pillar" ADD CONSTRAINT "FK_87c88763d9fa4aa8f9c0cc24ea8" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "theme" ADD CONSTRAINT "FK_90175d5728f659445a7251bd2b7" FOREIGN KEY ("pillar_id") REFERENCES "pillar"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "action_item" ADD CONSTRAINT "FK_1e44c37888b13683beee173faf4" FOREIGN KEY ("theme_id") REFERENCES "theme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kpi" ADD CONSTRAINT "FK_1b5467a7082692ec3ef0f1f1dda" FOREIGN KEY ("action_item_id") REFERENCES "action_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kpi" DROP CONSTRAINT "FK_1b5467a7082692ec3ef0f1f1dda"`);
    await q.query(`ALTER TABLE "action_item" DROP CONSTRAINT "FK_1e44c37888b13683beee173faf4"`);
    await q.query(`ALTER TABLE "theme" DROP CONSTRAINT "FK_90175d5728f659445a7251bd2b7"`);
    await q.query(`ALTER TABLE "pillar" DROP CONSTRAINT "FK_87c88763d9fa4aa8f9c0cc24ea8"`);
    await q.query(`ALTER TABLE "user_account" DROP CONSTRAINT "FK_b82c5890a6945279a098bc8b106"`);
    await q.query(`DROP INDEX "public"."IDX_050d6577661cbadaa10ecc3350"`);
    await q.query(`DROP TABLE "kpi"`);
    await q.query(`DROP INDEX "public"."kpi_ledger_key_idx"`);
    await q.query(`DROP INDEX "public"."kpi_ledger_source_idx"`);
    await q.query(`DROP TABLE "kpi_ledger"`);
    await q.query(`DROP TABLE "kpi_counter"`);
    await q.query(`DROP INDEX "public"."IDX_5357724ebc96fe2bd43423e213"`);
    await q.query(`DROP TABLE "action_item"`);
    await q.query(`DROP INDEX "public"."IDX_0e327fada1a5dd7cc822b7b12a"`);
    await q.query(`DROP TABLE "theme"`);
    await q.query(`DROP INDEX "public"."IDX_eaec538ec00e696334bc9745e9"`);
    await q.query(`DROP TABLE "pillar"`);
    await q.query(`DROP TABLE "plan"`);
    await q.query(`DROP TABLE "idempotency_key"`);
    await q.query(`DROP TABLE "user_account"`);
    await q.query(`DROP TABLE "member"`);
    await q.query(`DROP INDEX "public"."audit_log_at_idx"`);
    await q.query(`DROP TABLE "audit_log"`);
  }
}
