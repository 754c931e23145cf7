import { MigrationInterface, QueryRunner } from 'typeorm';

const grade = (code: string, short: string, ja: string, en: string) => ({ code, short, ja, en });
const numbered = (count: number) =>
  Array.from({ length: count }, (_, i) => grade(String(i + 1), String(i + 1), `${i + 1}級`, `Grade ${i + 1}`));
const pcGrades = (code: string, short: string, ja: string, en: string) =>
  [1, 2, 3].map((n) => grade(`${code}_${n}`, `${short}${n}`, `${ja} ${n}級`, `${en}, Grade ${n}`));

/** The exam catalogue the chamber runs (日商 検定 and 珠算), with the grades it offers. */
const CATALOGUE = [
  {
    code: 'boki',
    ja: '日商簿記',
    en: 'JCCI Bookkeeping',
    prefix: 'BK',
    grades: [...numbered(3), grade('basic', 'B', '初級', 'Basic')],
  },
  { code: 'shuzan', ja: '珠算', en: 'Abacus (Soroban)', prefix: 'SZ', grades: numbered(6) },
  {
    code: 'retail_marketing',
    ja: 'リテールマーケティング(販売士)',
    en: 'Retail Marketing (Hanbaishi)',
    prefix: 'RM',
    grades: numbered(3),
  },
  {
    code: 'pc',
    ja: '日商PC',
    en: 'JCCI PC Skills',
    prefix: 'PC',
    grades: [
      ...pcGrades('document', 'D', '文書作成', 'Document creation'),
      ...pcGrades('data', 'U', 'データ活用', 'Data utilisation'),
      ...pcGrades('presentation', 'P', 'プレゼン資料作成', 'Presentation materials'),
    ],
  },
];

export class ExamsCatalogue1795697880762 implements MigrationInterface {
  name = 'ExamsCatalogue1795697880762';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "exam_type" ("code" text NOT NULL, "name_ja" text NOT NULL, "name_en" text NOT NULL, "prefix" text NOT NULL, "grades" jsonb NOT NULL, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_329b345988f99454caa83169ff7" PRIMARY KEY ("code"))`,
    );
    await q.query(
      `CREATE TABLE "exam_sitting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "exam_code" text NOT NULL, "grade_code" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "venue" text NOT NULL, "capacity" integer NOT NULL, "fee" integer NOT NULL, "audience" text NOT NULL, "application_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "action_item_code" text NOT NULL DEFAULT 'A1-7', "note" text NOT NULL DEFAULT '', "applied_count" integer NOT NULL DEFAULT '0', "last_number" integer NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_141566bf7443552fc796f13af0a" UNIQUE ("code"), CONSTRAINT "PK_5631ca7959e07b6ad2fa7a6cf21" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "exam_sitting_starts_idx" ON "exam_sitting"  ("starts_at") `);
    await q.query(
      `CREATE TABLE "exam_application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sitting_id" uuid NOT NULL, "seq" integer NOT NULL, "examinee_number" text NOT NULL, "status" text NOT NULL DEFAULT 'applied', "name" text NOT NULL, "name_kana" text NOT NULL, "email" text NOT NULL, "birth_date" date, "phone" text, "member_id" uuid, "user_id" uuid, "applied_by" uuid, "channel" text NOT NULL, "fee" integer NOT NULL, "fee_status" text NOT NULL DEFAULT 'unpaid', "cancel_token" text, "result" text, "score" numeric, "result_recorded_at" TIMESTAMP WITH TIME ZONE, "counted_action_item_code" text, "counted_fiscal_year" integer, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_2533cfdcfb0b148aa429721a624" UNIQUE ("examinee_number"), CONSTRAINT "UQ_4ebf8c558069860246cc42d8c81" UNIQUE ("cancel_token"), CONSTRAINT "PK_95c3e6460a56ecbb760e599a8a4" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "exam_application_user_idx" ON "exam_application"  ("user_id") `);
    await q.query(`CREATE INDEX "exam_application_member_idx" ON "exam_application"  ("member_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "exam_application_active_person_uq" ON "exam_application"  ("sitting_id", "email", "name_kana") WHERE status = 'applied'`,
    );
    await q.query(`CREATE UNIQUE INDEX "exam_application_number_uq" ON "exam_application"  ("sitting_id", "seq") `);
    await q.query(
      `ALTER TABLE "exam_sitting" ADD CONSTRAINT "FK_51d7a978f7e96e3ac12fd0ab6fa" FOREIGN KEY ("exam_code") REFERENCES "exam_type"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "exam_application" ADD CONSTRAINT "FK_0d369022c0f4b3d9edfa5894944" FOREIGN KEY ("sitting_id") REFERENCES "exam_sitting"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    for (const [i, e] of CATALOGUE.entries()) {
      await q.query(
        `INSERT INTO "exam_type" ("code", "name_ja", "name_en", "prefix", "grades", "sort_order") VALUES ($1, $2, $3, $4, $5, $6)`,
        [e.code, e.ja, e.en, e.prefix, JSON.stringify(e.grades), i + 1],
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "exam_application" DROP CONSTRAINT "FK_0d369022c0f4b3d9edfa5894944"`);
    await q.query(`ALTER TABLE "exam_sitting" DROP CONSTRAINT "FK_51d7a978f7e96e3ac12fd0ab6fa"`);
    await q.query(`DROP INDEX "public"."exam_application_number_uq"`);
    await q.query(`DROP INDEX "public"."exam_application_active_person_uq"`);
    await q.query(`DROP INDEX "public"."exam_application_member_idx"`);
    await q.query(`DROP INDEX "public"."exam_application_user_idx"`);
    await q.query(`DROP TABLE "exam_application"`);
    await q.query(`DROP INDEX "public"."exam_sitting_starts_idx"`);
    await q.query(`DROP TABLE "exam_sitting"`);
    await q.query(`DROP TABLE "exam_type"`);
  }
}
