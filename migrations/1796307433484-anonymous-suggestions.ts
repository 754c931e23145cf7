import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anonymous suggestions hold no link to their poster: `suggestion_author` (which kept the account of
 * every post, anonymous ones included) is dropped; a member's own list is their named suggestions
 * (`named_poster_id`), an anonymous one is followed with a receipt (only its hash, here). The daily
 * cap counts under a keyed hash of account and day (`suggestion_quota`, no time of day), and a
 * retried anonymous post is recognised by a keyed hash of account and Idempotency-Key.
 */
export class AnonymousSuggestions1796307433484 implements MigrationInterface {
  name = 'AnonymousSuggestions1796307433484';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "suggestion_author"`);
    await q.query(`ALTER TABLE "suggestion" ADD "receipt_hash" text`);
    await q.query(`ALTER TABLE "suggestion" ADD "idempotency_hash" text`);
    await q.query(`CREATE UNIQUE INDEX "suggestion_receipt_uq" ON "suggestion"  ("receipt_hash") `);
    await q.query(`CREATE UNIQUE INDEX "suggestion_idempotency_uq" ON "suggestion"  ("idempotency_hash") `);
    // no entity: written by suggestions.service.ts alone
    await q.query(
      `CREATE TABLE "suggestion_quota" ("key" text NOT NULL, "day" date NOT NULL, "count" integer NOT NULL, CONSTRAINT "suggestion_quota_pk" PRIMARY KEY ("key"))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "suggestion_quota"`);
    await q.query(`DROP INDEX "public"."suggestion_idempotency_uq"`);
    await q.query(`DROP INDEX "public"."suggestion_receipt_uq"`);
    await q.query(`ALTER TABLE "suggestion" DROP COLUMN "idempotency_hash"`);
    await q.query(`ALTER TABLE "suggestion" DROP COLUMN "receipt_hash"`);
    // the links of named suggestions come back; those of anonymous ones are gone for good
    await q.query(
      `CREATE TABLE "suggestion_author" ("suggestion_id" uuid NOT NULL, "user_id" uuid NOT NULL, "posted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fdac4d21dd60312b88de507caa1" PRIMARY KEY ("suggestion_id"))`,
    );
    await q.query(`CREATE INDEX "suggestion_author_user_idx" ON "suggestion_author"  ("user_id", "posted_at") `);
    await q.query(
      `ALTER TABLE "suggestion_author" ADD CONSTRAINT "FK_fdac4d21dd60312b88de507caa1" FOREIGN KEY ("suggestion_id") REFERENCES "suggestion"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "suggestion_author" ADD CONSTRAINT "FK_8f4815e2c12cc791bc77574acc8" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `INSERT INTO "suggestion_author" ("suggestion_id", "user_id", "posted_at") SELECT "id", "named_poster_id", "created_at" FROM "suggestion" WHERE "named_poster_id" IS NOT NULL`,
    );
  }
}
