import { MigrationInterface, QueryRunner } from 'typeorm';

export class EventsRegistrations1795698082754 implements MigrationInterface {
  name = 'EventsRegistrations1795698082754';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "title_ja" text NOT NULL, "title_en" text NOT NULL DEFAULT '', "description_ja" text NOT NULL DEFAULT '', "description_en" text NOT NULL DEFAULT '', "action_item_code" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "venue" text NOT NULL, "capacity" integer NOT NULL, "audience" text NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "registration_opens_at" TIMESTAMP WITH TIME ZONE, "registration_closes_at" TIMESTAMP WITH TIME ZONE, "invited_count" integer, "taken" integer NOT NULL DEFAULT '0', "waitlist_count" integer NOT NULL DEFAULT '0', "waitlist_seq" integer NOT NULL DEFAULT '0', "held_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_30c2f3bbaf6d34a55f8ae6e4614" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "event_starts_at_idx" ON "event"  ("starts_at") `);
    await q.query(
      `CREATE TABLE "registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "status" text NOT NULL, "waitlist_seq" integer, "name" text NOT NULL, "name_kana" text NOT NULL, "email" text NOT NULL, "search_key" text NOT NULL, "source" text NOT NULL, "member_id" uuid, "user_id" uuid, "registered_by" uuid, "school" text, "graduation_year" integer, "cancel_token_hash" text, "check_in_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "promoted_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "checked_in_at" TIMESTAMP WITH TIME ZONE, "checked_in_by" uuid, CONSTRAINT "UQ_0b0fbec55c5e043a7cee7a0f0e8" UNIQUE ("cancel_token_hash"), CONSTRAINT "UQ_dbf754f69e2b000c0f96faa5445" UNIQUE ("check_in_token"), CONSTRAINT "PK_cb23dc9d28df8801b15e9e2b8d6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "registration_email_idx" ON "registration"  ("email") `);
    await q.query(`CREATE INDEX "registration_member_idx" ON "registration"  ("member_id") `);
    await q.query(`CREATE INDEX "registration_user_idx" ON "registration"  ("user_id") `);
    await q.query(
      `CREATE INDEX "registration_event_status_idx" ON "registration"  ("event_id", "status", "waitlist_seq") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "registration_event_email_uq" ON "registration"  ("event_id", "email") WHERE status <> 'cancelled'`,
    );
    await q.query(
      `CREATE TABLE "registration_outcome" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registration_id" uuid NOT NULL, "type" text NOT NULL, "note" text, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b862b2c10817a809cfedf34eb8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "registration_outcome_type_uq" ON "registration_outcome"  ("registration_id", "type") `,
    );
    await q.query(
      `ALTER TABLE "registration" ADD CONSTRAINT "FK_e273290b4292fe15ea3b0d03511" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "registration_outcome" ADD CONSTRAINT "FK_cdb9e2bc9d7426720c627fade75" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "registration_outcome" DROP CONSTRAINT "FK_cdb9e2bc9d7426720c627fade75"`);
    await q.query(`ALTER TABLE "registration" DROP CONSTRAINT "FK_e273290b4292fe15ea3b0d03511"`);
    await q.query(`DROP INDEX "public"."registration_outcome_type_uq"`);
    await q.query(`DROP TABLE "registration_outcome"`);
    await q.query(`DROP INDEX "public"."registration_event_email_uq"`);
    await q.query(`DROP INDEX "public"."registration_event_status_idx"`);
    await q.query(`DROP INDEX "public"."registration_user_idx"`);
    await q.query(`DROP INDEX "public"."registration_member_idx"`);
    await q.query(`DROP INDEX "public"."registration_email_idx"`);
    await q.query(`DROP TABLE "registration"`);
    await q.query(`DROP INDEX "public"."event_starts_at_idx"`);
    await q.query(`DROP TABLE "event"`);
  }
}
