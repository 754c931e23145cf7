import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chamber's identity (one row): its name, address and president as certificates, mails and
 * calendars print them, seeded with the Sagamihara chamber; its logo and seal images beside it.
 */
export class ChamberProfile1796284695976 implements MigrationInterface {
  name = 'ChamberProfile1796284695976';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "chamber_profile" ("id" smallint NOT NULL DEFAULT 1, "name_ja" text NOT NULL, "name_en" text NOT NULL DEFAULT '', "postal_code" text NOT NULL DEFAULT '', "address_ja" text NOT NULL DEFAULT '', "address_en" text NOT NULL DEFAULT '', "phone" text NOT NULL DEFAULT '', "email" text NOT NULL DEFAULT '', "website" text NOT NULL DEFAULT '', "president_title_ja" text NOT NULL DEFAULT '会頭', "president_title_en" text NOT NULL DEFAULT 'President', "president_name_ja" text NOT NULL DEFAULT '', "president_name_en" text NOT NULL DEFAULT '', "certificate_date_style" text NOT NULL DEFAULT 'western', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "chamber_profile_pk" PRIMARY KEY ("id"), CONSTRAINT "chamber_profile_one_row" CHECK ("id" = 1), CONSTRAINT "chamber_profile_date_style" CHECK ("certificate_date_style" IN ('western', 'japanese_era')))`,
    );
    await q.query(
      `CREATE TABLE "chamber_image" ("kind" text NOT NULL, "content_type" text NOT NULL, "bytes" bytea NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chamber_image_pk" PRIMARY KEY ("kind"), CONSTRAINT "chamber_image_kind" CHECK ("kind" IN ('logo', 'seal')))`,
    );
    await q.query(
      `INSERT INTO "chamber_profile" ("id", "name_ja", "name_en", "postal_code", "address_ja", "address_en") VALUES (1, '相模原商工会議所', 'Sagamihara Chamber of Commerce and Industry', '252-0239', '神奈川県相模原市中央区中央3-12-3', '3-12-3 Chuo, Chuo-ku, Sagamihara, Kanagawa')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "chamber_image"`);
    await q.query(`DROP TABLE "chamber_profile"`);
  }
}
