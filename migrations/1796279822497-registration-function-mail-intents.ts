import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 1. The KPI ledger writer as one SQL function, `kpi_count`, that every KPI change calls (the
 *    recorder and the registration function): ledger rows, the counter and the notification.
 * 2. A registration as one SQL function, `register_participants`: named, typed input (a JSON array
 *    of participants), one round trip, the event row locked only while PostgreSQL works. PL/pgSQL
 *    keeps its plans per session, so no named prepared statement is needed (the embedded database
 *    shares one session between connections: see design/ARCHITECTURE.md, Data).
 * 3. The mail outbox keeps intents (kind, record, recipient, language, parameters); mails are
 *    rendered when sent. Queued mails keep their text as `params.legacy`.
 * 4. Tokens at rest only as hashes: check-in codes and exam cancel tokens (existing ones hashed).
 * The SQL every registration runs, functions included: apps/api/src/app/events/registration.sql.
 */
export class RegistrationFunctionMailIntents1796279822497 implements MigrationInterface {
  name = 'RegistrationFunctionMailIntents1796279822497';

  public async up(q: QueryRunner): Promise<void> {
    const hashed = (column: string) => `encode(sha256(convert_to(${column}, 'UTF8')), 'hex')`;
    await q.query(`UPDATE "registration" SET "check_in_token" = ${hashed('"check_in_token"')}`);
    await q.query(`ALTER TABLE "registration" RENAME COLUMN "check_in_token" TO "check_in_token_hash"`);
    await q.query(
      `ALTER TABLE "registration" RENAME CONSTRAINT "UQ_dbf754f69e2b000c0f96faa5445" TO "UQ_c2561a89a98b42e316307181f2a"`,
    );
    await q.query(
      `UPDATE "exam_application" SET "cancel_token" = ${hashed('"cancel_token"')} WHERE "cancel_token" IS NOT NULL`,
    );
    await q.query(`ALTER TABLE "exam_application" RENAME COLUMN "cancel_token" TO "cancel_token_hash"`);
    await q.query(
      `ALTER TABLE "exam_application" RENAME CONSTRAINT "UQ_4ebf8c558069860246cc42d8c81" TO "UQ_15a6f1f7b3afd8b6576ca9910c4"`,
    );

    await q.query(`ALTER TABLE "mail_outbox" ADD "lang" text NOT NULL DEFAULT 'ja'`);
    await q.query(`ALTER TABLE "mail_outbox" ADD "params" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(
      `UPDATE "mail_outbox" SET "params" = jsonb_build_object('legacy', jsonb_build_object('subject', "subject", 'text', "body_text", 'attachments', "attachments"))`,
    );
    await q.query(`ALTER TABLE "mail_outbox" DROP COLUMN "attachments"`);
    await q.query(`ALTER TABLE "mail_outbox" DROP COLUMN "body_text"`);
    await q.query(`ALTER TABLE "mail_outbox" ALTER COLUMN "subject" DROP NOT NULL`);

    await q.query(KPI_COUNT_FUNCTION);
    await q.query(REGISTER_PARTICIPANTS_FUNCTION);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION register_participants(uuid, jsonb, text, uuid, uuid, text, int)`);
    await q.query(`DROP FUNCTION kpi_count(text, text, int, numeric, text, text[], uuid, uuid, text)`);
    await q.query(`UPDATE "mail_outbox" SET "subject" = coalesce("subject", "kind")`);
    await q.query(`ALTER TABLE "mail_outbox" ALTER COLUMN "subject" SET NOT NULL`);
    await q.query(`ALTER TABLE "mail_outbox" ADD "body_text" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "mail_outbox" ALTER COLUMN "body_text" DROP DEFAULT`);
    await q.query(`ALTER TABLE "mail_outbox" ADD "attachments" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "mail_outbox" DROP COLUMN "params"`);
    await q.query(`ALTER TABLE "mail_outbox" DROP COLUMN "lang"`);
    // the tokens themselves are gone: the hashes stay, and the codes already sent stop working
    await q.query(
      `ALTER TABLE "exam_application" RENAME CONSTRAINT "UQ_15a6f1f7b3afd8b6576ca9910c4" TO "UQ_4ebf8c558069860246cc42d8c81"`,
    );
    await q.query(`ALTER TABLE "exam_application" RENAME COLUMN "cancel_token_hash" TO "cancel_token"`);
    await q.query(
      `ALTER TABLE "registration" RENAME CONSTRAINT "UQ_c2561a89a98b42e316307181f2a" TO "UQ_dbf754f69e2b000c0f96faa5445"`,
    );
    await q.query(`ALTER TABLE "registration" RENAME COLUMN "check_in_token_hash" TO "check_in_token"`);
  }
}

export const KPI_COUNT_FUNCTION = `
CREATE FUNCTION kpi_count(
  p_action_item_code text, p_measure text, p_fiscal_year int, p_delta numeric, p_source_type text,
  p_source_ids text[], p_kpi_id uuid, p_author_id uuid, p_note text
) RETURNS SETOF bigint
LANGUAGE plpgsql AS $fn$
-- one ledger row of p_delta per source id, the counter moved by their sum, and the notification
-- (delivered only if the caller's transaction commits). Returns the ledger rows' ids.
DECLARE
  v_rows int := coalesce(cardinality(p_source_ids), 0);
BEGIN
  IF v_rows = 0 OR p_delta = 0 THEN
    RETURN;
  END IF;
  RETURN QUERY
    INSERT INTO kpi_ledger (action_item_code, measure, fiscal_year, delta, source_type, source_id, kpi_id, author_id, note)
    SELECT p_action_item_code, p_measure, p_fiscal_year, p_delta, p_source_type, s.source_id, p_kpi_id, p_author_id, p_note
    FROM unnest(p_source_ids) AS s(source_id)
    RETURNING kpi_ledger.id;
  INSERT INTO kpi_counter (action_item_code, measure, fiscal_year, value)
  VALUES (p_action_item_code, p_measure, p_fiscal_year, p_delta * v_rows)
  ON CONFLICT (action_item_code, measure, fiscal_year)
  DO UPDATE SET value = kpi_counter.value + EXCLUDED.value, updated_at = now();
  PERFORM pg_notify('kpi', json_build_object(
    'actionItemCode', p_action_item_code, 'measure', p_measure, 'fiscalYear', p_fiscal_year)::text);
END
$fn$`;

export const REGISTER_PARTICIPANTS_FUNCTION = `
CREATE FUNCTION register_participants(
  p_event_id uuid, p_people jsonb, p_source text, p_member_id uuid, p_registered_by uuid,
  p_mail_status text, p_fiscal_year int
) RETURNS TABLE (registration_id uuid, registration_status text, waitlist_position int)
LANGUAGE plpgsql AS $fn$
-- A whole registration: lock the event's row, hand out as many seats as fit (none while anyone
-- waits), number the rest on the waitlist in arrival order, insert the registrations, their mail
-- intents and the 'registrations' ledger rows. The row lock queues concurrent claims, so seats are
-- never overbooked, and it is held only while PostgreSQL works. No row: the event is cancelled.
#variable_conflict use_column
DECLARE
  v_event record;
  v_count int := jsonb_array_length(p_people);
  v_seats int;
BEGIN
  SELECT e.capacity, e.taken, e.waitlist_count, e.waitlist_seq, e.action_item_code INTO v_event
  FROM event e WHERE e.id = p_event_id AND e.status <> 'cancelled'
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  v_seats := CASE WHEN v_event.waitlist_count > 0 THEN 0
                  ELSE LEAST(v_count, GREATEST(v_event.capacity - v_event.taken, 0)) END;
  UPDATE event
  SET taken = taken + v_seats,
      waitlist_count = waitlist_count + v_count - v_seats,
      waitlist_seq = waitlist_seq + v_count - v_seats,
      updated_at = now()
  WHERE id = p_event_id;

  RETURN QUERY
  WITH p AS (
    SELECT x.*, x.ord <= v_seats AS seated, v_event.waitlist_count + x.ord - v_seats AS position
    FROM jsonb_to_recordset(p_people) AS x(
      ord int, id uuid, "mailId" uuid, name text, "nameKana" text, email text, "searchKey" text,
      "userId" uuid, school text, "graduationYear" int, "cancelTokenHash" text, "checkInTokenHash" text,
      lang text)
  ), reg AS (
    INSERT INTO registration (id, event_id, status, waitlist_seq, name, name_kana, email, search_key, source,
                              member_id, user_id, registered_by, school, graduation_year, cancel_token_hash,
                              check_in_token_hash)
    SELECT p.id, p_event_id,
           CASE WHEN p.seated THEN 'registered' ELSE 'waitlisted' END,
           CASE WHEN p.seated THEN NULL ELSE v_event.waitlist_seq + p.ord - v_seats END,
           p.name, p."nameKana", p.email, p."searchKey", p_source, p_member_id, p."userId", p_registered_by,
           p.school, p."graduationYear", p."cancelTokenHash", p."checkInTokenHash"
    FROM p ORDER BY p.ord
    RETURNING registration.id
  ), mail AS (
    INSERT INTO mail_outbox (id, to_address, kind, related_id, lang, params, status)
    SELECT p."mailId", p.email,
           CASE WHEN p.seated THEN 'registration_confirmed' ELSE 'registration_waitlisted' END,
           p.id::text, coalesce(p.lang, 'ja'),
           CASE WHEN p.seated THEN '{}'::jsonb ELSE jsonb_build_object('waitlistPosition', p.position) END,
           p_mail_status
    FROM p
    RETURNING mail_outbox.id
  )
  SELECT p.id, CASE WHEN p.seated THEN 'registered' ELSE 'waitlisted' END, CASE WHEN p.seated THEN NULL ELSE p.position END
  FROM p ORDER BY p.ord;

  PERFORM kpi_count(v_event.action_item_code, 'registrations', p_fiscal_year, 1, 'registration',
                    ARRAY(SELECT x->>'id' FROM jsonb_array_elements(p_people) AS x WHERE (x->>'ord')::int <= v_seats),
                    NULL, p_registered_by, NULL);
END
$fn$`;
