import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendars: every event and exam sitting carries an iCalendar SEQUENCE that the database raises
 * itself whenever something a calendar shows changes (title, description, times, venue, status),
 * so no code path can forget it and seat counts moving on the same row do not raise it. Personal
 * feeds: the version of each account's secret feed URL (the URL itself is derived with an HMAC,
 * never stored); raising it revokes the old URL.
 */
export class Calendars1796284705675 implements MigrationInterface {
  name = 'Calendars1796284705675';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "event" ADD "ics_sequence" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "exam_sitting" ADD "ics_sequence" integer NOT NULL DEFAULT 0`);
    await q.query(
      `CREATE FUNCTION "ics_sequence_bump"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.ics_sequence := OLD.ics_sequence + 1; RETURN NEW; END $$`,
    );
    // WHEN is checked without calling the function: a registration's seat update costs nothing more
    await q.query(
      `CREATE TRIGGER "event_ics_sequence" BEFORE UPDATE ON "event" FOR EACH ROW WHEN ((OLD.title_ja, OLD.title_en, OLD.description_ja, OLD.description_en, OLD.starts_at, OLD.ends_at, OLD.venue, OLD.status) IS DISTINCT FROM (NEW.title_ja, NEW.title_en, NEW.description_ja, NEW.description_en, NEW.starts_at, NEW.ends_at, NEW.venue, NEW.status)) EXECUTE FUNCTION "ics_sequence_bump"()`,
    );
    await q.query(
      `CREATE TRIGGER "exam_sitting_ics_sequence" BEFORE UPDATE ON "exam_sitting" FOR EACH ROW WHEN ((OLD.exam_code, OLD.grade_code, OLD.starts_at, OLD.ends_at, OLD.venue, OLD.note) IS DISTINCT FROM (NEW.exam_code, NEW.grade_code, NEW.starts_at, NEW.ends_at, NEW.venue, NEW.note)) EXECUTE FUNCTION "ics_sequence_bump"()`,
    );
    await q.query(
      `CREATE TABLE "calendar_feed" ("user_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT 0, "rotated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "calendar_feed_pk" PRIMARY KEY ("user_id"), CONSTRAINT "calendar_feed_user_fk" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "calendar_feed"`);
    await q.query(`DROP TRIGGER "exam_sitting_ics_sequence" ON "exam_sitting"`);
    await q.query(`DROP TRIGGER "event_ics_sequence" ON "event"`);
    await q.query(`DROP FUNCTION "ics_sequence_bump"()`);
    await q.query(`ALTER TABLE "exam_sitting" DROP COLUMN "ics_sequence"`);
    await q.query(`ALTER TABLE "event" DROP COLUMN "ics_sequence"`);
  }
}
