import { MigrationInterface, QueryRunner } from 'typeorm';
import { KPI_COUNT_FUNCTION, REGISTER_PARTICIPANTS_FUNCTION } from './1796279822497-registration-function-mail-intents';

/**
 * Webhooks: endpoints and their deliveries (an outbox). Every listed change writes its deliveries
 * in its own transaction: the code through `webhook_record(type, data[])`, one INSERT … SELECT from
 * the endpoints that want the type (none: nothing written); `kpi_count` records `kpi.changed`, and
 * the registration function `registration.created` in its own statement.
 */
export class Webhooks1796321100000 implements MigrationInterface {
  name = 'Webhooks1796321100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "webhook_endpoint" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" text NOT NULL, "description" text, "events" text array NOT NULL, "secret" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "consecutive_failures" integer NOT NULL DEFAULT '0', "disabled_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c98112122b2b8a4f3984d2efa8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "endpoint_id" uuid NOT NULL, "event_type" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_status_code" integer, "last_error" text, "queued_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "webhook_delivery_unqueued_idx" ON "webhook_delivery"  ("created_at") WHERE queued_at IS NULL`,
    );
    await q.query(`CREATE INDEX "webhook_delivery_endpoint_idx" ON "webhook_delivery"  ("endpoint_id", "created_at") `);
    await q.query(
      `ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_endpoint_fk" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(WEBHOOK_TIMESTAMP_FUNCTION);
    await q.query(WEBHOOK_RECORD_FUNCTION);
    await q.query(KPI_COUNT_WITH_WEBHOOK);
    await q.query(REGISTER_PARTICIPANTS_WITH_WEBHOOK);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(REGISTER_PARTICIPANTS_FUNCTION.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await q.query(KPI_COUNT_FUNCTION.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await q.query(`DROP FUNCTION webhook_record(text, jsonb)`);
    await q.query(`DROP FUNCTION webhook_timestamp()`);
    await q.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "webhook_delivery_endpoint_fk"`);
    await q.query(`DROP INDEX "public"."webhook_delivery_endpoint_idx"`);
    await q.query(`DROP INDEX "public"."webhook_delivery_unqueued_idx"`);
    await q.query(`DROP TABLE "webhook_delivery"`);
    await q.query(`DROP TABLE "webhook_endpoint"`);
  }
}

const WEBHOOK_TIMESTAMP_FUNCTION = `
CREATE FUNCTION webhook_timestamp() RETURNS text
LANGUAGE sql STABLE AS $fn$
  -- the body's timestamp: the change's transaction time, ISO 8601 in UTC
  SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$fn$`;

const WEBHOOK_RECORD_FUNCTION = `
CREATE FUNCTION webhook_record(p_type text, p_data jsonb) RETURNS void
LANGUAGE sql AS $fn$
  -- one delivery per element of p_data (a JSON array) for every active endpoint that wants p_type,
  -- in the caller's transaction; nothing when none wants it
  INSERT INTO webhook_delivery (endpoint_id, event_type, payload)
  SELECT w.id, p_type, jsonb_build_object('type', p_type, 'timestamp', webhook_timestamp(), 'data', d.value)
  FROM webhook_endpoint w CROSS JOIN jsonb_array_elements(p_data) AS d
  WHERE w.active AND p_type = ANY (w.events)
$fn$`;

const KPI_COUNT_WITH_WEBHOOK = `
CREATE OR REPLACE FUNCTION kpi_count(
  p_action_item_code text, p_measure text, p_fiscal_year int, p_delta numeric, p_source_type text,
  p_source_ids text[], p_kpi_id uuid, p_author_id uuid, p_note text
) RETURNS SETOF bigint
LANGUAGE plpgsql AS $fn$
-- one ledger row of p_delta per source id, the counter moved by their sum, the notification
-- (delivered only if the caller's transaction commits) and a kpi.changed webhook delivery for each
-- endpoint that wants one. Returns the ledger rows' ids.
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
  PERFORM webhook_record('kpi.changed', jsonb_build_array(jsonb_build_object(
    'actionItemCode', p_action_item_code, 'measure', p_measure, 'fiscalYear', p_fiscal_year,
    'delta', p_delta * v_rows, 'sourceType', p_source_type)));
END
$fn$`;

const REGISTER_PARTICIPANTS_WITH_WEBHOOK = `
CREATE OR REPLACE FUNCTION register_participants(
  p_event_id uuid, p_people jsonb, p_source text, p_member_id uuid, p_registered_by uuid,
  p_mail_status text, p_fiscal_year int
) RETURNS TABLE (registration_id uuid, registration_status text, waitlist_position int)
LANGUAGE plpgsql AS $fn$
-- A whole registration: lock the event's row, hand out as many seats as fit (none while anyone
-- waits), number the rest on the waitlist in arrival order, insert the registrations, their mail
-- intents, their webhook deliveries (registration.created, for the endpoints that want it) and the
-- 'registrations' ledger rows. The row lock queues concurrent claims, so seats are
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
  ), hook AS (
    -- nothing when no endpoint wants it: one scan of the (small) endpoint table
    INSERT INTO webhook_delivery (endpoint_id, event_type, payload)
    SELECT w.id, 'registration.created', jsonb_build_object(
             'type', 'registration.created', 'timestamp', webhook_timestamp(),
             'data', jsonb_build_object(
               'registrationId', p.id, 'eventId', p_event_id,
               'status', CASE WHEN p.seated THEN 'registered' ELSE 'waitlisted' END,
               'waitlistPosition', CASE WHEN p.seated THEN NULL ELSE p.position END,
               'source', p_source, 'memberId', p_member_id))
    FROM webhook_endpoint w CROSS JOIN p
    WHERE w.active AND 'registration.created' = ANY (w.events)
    RETURNING webhook_delivery.id
  )
  SELECT p.id, CASE WHEN p.seated THEN 'registered' ELSE 'waitlisted' END, CASE WHEN p.seated THEN NULL ELSE p.position END
  FROM p ORDER BY p.ord;

  PERFORM kpi_count(v_event.action_item_code, 'registrations', p_fiscal_year, 1, 'registration',
                    ARRAY(SELECT x->>'id' FROM jsonb_array_elements(p_people) AS x WHERE (x->>'ord')::int <= v_seats),
                    NULL, p_registered_by, NULL);
END
$fn$`;
