import { countRowsCtes } from '../plan/kpi-sql';

/** What a registration reads of its event before its statement (the seats are read again under lock). */
export const EVENT_FOR_REGISTRATION_SQL = `
SELECT id, title_ja AS "titleJa", title_en AS "titleEn", starts_at AS "startsAt", ends_at AS "endsAt", venue,
       action_item_code AS "actionItemCode", capacity, taken, waitlist_count AS "waitlistCount", audience, status,
       registration_opens_at AS "registrationOpensAt", registration_closes_at AS "registrationClosesAt"
FROM event WHERE id = $1`;

/**
 * A whole registration in ONE statement, its own transaction: lock the event's row, hand out as many
 * seats as fit (none while anyone waits), number the rest on the waitlist in arrival order, insert the
 * registrations, their confirmation mails (the registered or the waitlisted variant, both prepared by
 * the caller) and the 'registrations' ledger rows, move the counter and notify. The row lock queues
 * concurrent claims, so seats are never overbooked, and it is held only while PostgreSQL works: no
 * round trip to the application happens between taking it and the commit that releases it.
 *
 * $1 event id, $2 participants, $3 source, $4 member id, $5 registered by;
 * $6..$15 one array per registration column; $16..$21 one array per mail column; $22/$23 the mail
 * kinds; $24 the mail status; $25 the waitlist-position slot in the waitlisted text; $26 action item,
 * $27 fiscal year, $28 the KPI notification payload.
 */
export const REGISTER_SQL = `
WITH cur AS (
  SELECT id, capacity, taken, waitlist_count, waitlist_seq
  FROM event WHERE id = $1 AND status <> 'cancelled'
  FOR UPDATE
), claim AS (
  SELECT id,
         CASE WHEN waitlist_count > 0 THEN 0 ELSE LEAST($2::int, GREATEST(capacity - taken, 0)) END AS seats,
         waitlist_seq AS seq0
  FROM cur
), upd AS (
  UPDATE event e
  SET taken = e.taken + c.seats,
      waitlist_count = e.waitlist_count + $2::int - c.seats,
      waitlist_seq = e.waitlist_seq + $2::int - c.seats,
      updated_at = now()
  FROM claim c
  WHERE e.id = c.id
  RETURNING c.seats, c.seq0, e.waitlist_count
), reg AS (
  INSERT INTO registration (id, event_id, status, waitlist_seq, name, name_kana, email, search_key, source,
                            member_id, user_id, registered_by, school, graduation_year, cancel_token_hash,
                            check_in_token)
  SELECT p.id, $1,
         CASE WHEN p.ord <= u.seats THEN 'registered' ELSE 'waitlisted' END,
         CASE WHEN p.ord <= u.seats THEN NULL ELSE u.seq0 + (p.ord - u.seats)::int END,
         p.name, p.name_kana, p.email, p.search_key, $3, $4::uuid, p.user_id, $5::uuid, p.school,
         p.graduation_year, p.cancel_hash, p.token
  FROM upd u,
       unnest($6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::uuid[], $12::text[], $13::int[],
              $14::text[], $15::text[]) WITH ORDINALITY
         AS p(id, name, name_kana, email, search_key, user_id, school, graduation_year, cancel_hash, token, ord)
  ORDER BY p.ord
  RETURNING id, status, waitlist_seq
), placed AS (
  -- the newest waitlisted is last in the queue: count back from the queue's length
  SELECT r.id, r.status, r.waitlist_seq,
         CASE WHEN r.status = 'waitlisted'
              THEN u.waitlist_count - (u.seq0 + $2::int - u.seats - r.waitlist_seq) END AS position
  FROM reg r, upd u
), mail AS (
  INSERT INTO mail_outbox (id, to_address, subject, body_text, kind, related_id, attachments, status)
  SELECT m.mail_id, m.to_address,
         CASE WHEN r.status = 'registered' THEN m.subject_r ELSE m.subject_w END,
         CASE WHEN r.status = 'registered' THEN m.text_r ELSE replace(m.text_w, $25, r.position::text) END,
         CASE WHEN r.status = 'registered' THEN $22 ELSE $23 END,
         r.id::text,
         CASE WHEN r.status = 'registered' THEN m.attachments_r ELSE '[]'::jsonb END,
         $24
  FROM placed r
  JOIN unnest($6::uuid[], $16::uuid[], $9::text[], $17::text[], $18::text[], $19::jsonb[], $20::text[],
              $21::text[])
         AS m(registration_id, mail_id, to_address, subject_r, text_r, attachments_r, subject_w, text_w)
    ON m.registration_id = r.id
  RETURNING id
), counted AS (
  SELECT id::text AS source_id FROM reg WHERE status = 'registered'
), ${countRowsCtes('counted', {
  code: '$26',
  measure: "'registrations'",
  fiscalYear: '$27::int',
  sourceType: "'registration'",
  author: '$5::uuid',
})}
SELECT r.id, r.status, r.waitlist_seq, r.position,
       (SELECT COUNT(*) FROM mail) AS mails,
       (SELECT pg_notify('kpi', $28) FROM counter) AS notified
FROM placed r`;

/** The event row as the waitlist needs it, locked for the rest of the transaction. */
export const LOCK_EVENT_SQL = `
SELECT id, kind, status, capacity, taken, waitlist_count, action_item_code, starts_at, ends_at, venue,
       title_ja, title_en, invited_count
FROM event WHERE id = $1 FOR UPDATE`;

export interface LockedEventRow {
  id: string;
  kind: string;
  status: string;
  capacity: number;
  taken: number;
  waitlist_count: number;
  action_item_code: string;
  starts_at: Date;
  ends_at: Date;
  venue: string;
  title_ja: string;
  title_en: string;
  invited_count: number | null;
}

/** The fields mails and KPI records read from a locked event row. */
export function lockedEventRefs(e: LockedEventRow) {
  return {
    kpi: { id: e.id, actionItemCode: e.action_item_code, startsAt: e.starts_at },
    mail: { titleJa: e.title_ja, titleEn: e.title_en, startsAt: e.starts_at, endsAt: e.ends_at, venue: e.venue },
  };
}
