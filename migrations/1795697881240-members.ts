import { MigrationInterface, QueryRunner } from 'typeorm';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)).join('');
const HIRAGANA = range(0x3041, 0x3096) + '\u309d\u309e';
const KATAKANA = range(0x30a1, 0x30f6) + '\u30fd\u30fe';

export class Members1795697881240 implements MigrationInterface {
  name = 'Members1795697881240';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "member_consultation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "kind" text NOT NULL, "consulted_on" date NOT NULL, "fiscal_year" integer NOT NULL, "action_item_code" text NOT NULL, "summary" text NOT NULL, "follow_up_on" date, "staff_id" uuid, "first_in_fiscal_year" boolean NOT NULL DEFAULT false, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f5ecdde9ef2d6f2572975556fc2" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_member_consultation_fy_kind" ON "member_consultation"  ("fiscal_year", "kind") `);
    await q.query(
      `CREATE INDEX "IDX_member_consultation_member_date" ON "member_consultation"  ("member_id", "consulted_on") `,
    );
    await q.query(
      `CREATE TABLE "member_fiscal_activity" ("member_id" uuid NOT NULL, "kind" text NOT NULL, "fiscal_year" integer NOT NULL, "first_source_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a8d960ddbe775e270cf64ccaa0c" PRIMARY KEY ("member_id", "kind", "fiscal_year"))`,
    );
    await q.query(
      `CREATE TABLE "member_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rows" integer NOT NULL, "imported" integer NOT NULL, "duplicates" integer NOT NULL, "skipped" integer NOT NULL, "encoding" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c87b318b8b183d891fec5dce3c8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "member_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "email" text NOT NULL, "name" text NOT NULL DEFAULT '', "role" text NOT NULL DEFAULT 'member', "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "user_account_id" uuid, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_be4250bdbf0762686080d40d742" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_member_invitation_member" ON "member_invitation"  ("member_id") `);
    await q.query(`CREATE UNIQUE INDEX "UQ_member_invitation_token" ON "member_invitation"  ("token_hash") `);
    await q.query(
      `CREATE TABLE "member_person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "name" text NOT NULL, "name_kana" text NOT NULL, "email" text NOT NULL DEFAULT '', "phone" text NOT NULL DEFAULT '', "role" text NOT NULL DEFAULT '', "is_primary" boolean NOT NULL DEFAULT false, "user_account_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a4daf9e28a691fc39703f61bd38" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_member_person_member" ON "member_person"  ("member_id") `);
    await q.query(
      `CREATE TABLE "member_visit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "visited_on" date NOT NULL, "fiscal_year" integer NOT NULL, "note" text NOT NULL DEFAULT '', "staff_id" uuid, "first_in_fiscal_year" boolean NOT NULL DEFAULT false, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c2b3be08415abc3852473c64139" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_member_visit_fy" ON "member_visit"  ("fiscal_year") `);
    await q.query(`CREATE INDEX "IDX_member_visit_member_date" ON "member_visit"  ("member_id", "visited_on") `);
    await q.query(`ALTER TABLE "member" ADD "corporate_number" text`);
    await q.query(`ALTER TABLE "member" ADD "representative" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "member" ADD "representative_kana" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "member" ADD "postal_code" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "member" ADD "address" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "member" ADD "ward" text`);
    await q.query(`ALTER TABLE "member" ADD "industry" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "member" ADD "employees" integer`);
    await q.query(`ALTER TABLE "member" ADD "phone" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "member" ADD "email" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "member" ADD "website" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "member" ADD "founder" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "member" ADD "joined_on" date`);
    await q.query(`ALTER TABLE "member" ADD "left_on" date`);
    await q.query(`ALTER TABLE "member" ADD "status" text NOT NULL DEFAULT 'active'`);
    await q.query(`ALTER TABLE "member" ADD "notes" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "member" ADD "search_key" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "member" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`CREATE UNIQUE INDEX "UQ_member_corporate_number" ON "member"  ("corporate_number") `);
    await q.query(`CREATE INDEX "IDX_member_ward" ON "member"  ("ward") `);
    await q.query(`CREATE INDEX "IDX_member_status" ON "member"  ("status") `);
    await q.query(
      `ALTER TABLE "member_consultation" ADD CONSTRAINT "FK_f5fabbbf6ed8e6cc565bfcf429f" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "member_fiscal_activity" ADD CONSTRAINT "FK_d13defb9e5caf65f6e3d740b381" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "member_invitation" ADD CONSTRAINT "FK_382e0b2f0294829648f5133d81f" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "member_person" ADD CONSTRAINT "FK_6bb4dd6a6a1829841ee1a029128" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "member_visit" ADD CONSTRAINT "FK_0d504cc34bc0989a135431566e8" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The search key of rows that exist already (the app keeps it from now on): the SQL twin of
    // memberSearchKey() — NFKC, hiragana to katakana, lower case, no spaces.
    await q.query(
      `UPDATE "member" SET "search_key" =
         lower(regexp_replace(translate(normalize("name", NFKC), $1, $2), '[[:space:]\u3000]+', '', 'g')) || '|' ||
         lower(regexp_replace(translate(normalize("name_kana", NFKC), $1, $2), '[[:space:]\u3000]+', '', 'g')) || '|' ||
         coalesce("corporate_number", '')`,
      [HIRAGANA, KATAKANA],
    );
    // Substring search on the key: a trigram index where pg_trgm can be had (PostgreSQL server), a
    // plain btree otherwise (embedded PGlite without the extension); either way the query is the same.
    await q.query(`DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN OTHERS THEN
    NULL;
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX "IDX_member_search_key" ON "member" USING gin ("search_key" gin_trgm_ops)';
  ELSE
    EXECUTE 'CREATE INDEX "IDX_member_search_key" ON "member" ("search_key" text_pattern_ops)';
  END IF;
END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "public"."IDX_member_search_key"`);
    await q.query(`ALTER TABLE "member_visit" DROP CONSTRAINT "FK_0d504cc34bc0989a135431566e8"`);
    await q.query(`ALTER TABLE "member_person" DROP CONSTRAINT "FK_6bb4dd6a6a1829841ee1a029128"`);
    await q.query(`ALTER TABLE "member_invitation" DROP CONSTRAINT "FK_382e0b2f0294829648f5133d81f"`);
    await q.query(`ALTER TABLE "member_fiscal_activity" DROP CONSTRAINT "FK_d13defb9e5caf65f6e3d740b381"`);
    await q.query(`ALTER TABLE "member_consultation" DROP CONSTRAINT "FK_f5fabbbf6ed8e6cc565bfcf429f"`);
    await q.query(`DROP INDEX "public"."IDX_member_status"`);
    await q.query(`DROP INDEX "public"."IDX_member_ward"`);
    await q.query(`DROP INDEX "public"."UQ_member_corporate_number"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "updated_at"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "search_key"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "notes"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "status"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "left_on"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "joined_on"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "founder"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "website"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "email"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "phone"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "employees"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "industry"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "ward"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "address"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "postal_code"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "representative_kana"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "representative"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "corporate_number"`);
    await q.query(`DROP INDEX "public"."IDX_member_visit_member_date"`);
    await q.query(`DROP INDEX "public"."IDX_member_visit_fy"`);
    await q.query(`DROP TABLE "member_visit"`);
    await q.query(`DROP INDEX "public"."IDX_member_person_member"`);
    await q.query(`DROP TABLE "member_person"`);
    await q.query(`DROP INDEX "public"."UQ_member_invitation_token"`);
    await q.query(`DROP INDEX "public"."IDX_member_invitation_member"`);
    await q.query(`DROP TABLE "member_invitation"`);
    await q.query(`DROP TABLE "member_import"`);
    await q.query(`DROP TABLE "member_fiscal_activity"`);
    await q.query(`DROP INDEX "public"."IDX_member_consultation_member_date"`);
    await q.query(`DROP INDEX "public"."IDX_member_consultation_fy_kind"`);
    await q.query(`DROP TABLE "member_consultation"`);
  }
}
