/**
 * The seat claim: in ONE statement, lock the event's row, hand out as many seats as fit (none while
 * anyone waits), number the rest on the waitlist in arrival order, and insert the registrations.
 * The row lock is held until the transaction ends, so concurrent claims queue on it and seats can
 * never be overbooked; doing it in one round trip keeps that lock as short as possible.
 *
 * $1 event id, $2 participants, $3 source, $4 member id, $5 registered by, then one array per column.
 */
export const CLAIM_AND_INSERT_SQL = `
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
)
INSERT INTO registration (id, event_id, status, waitlist_seq, name, name_kana, email, search_key, source,
                          member_id, user_id, registered_by, school, graduation_year, cancel_token_hash, check_in_token)
SELECT p.id, $1,
       CASE WHEN p.ord <= u.seats THEN 'registered' ELSE 'waitlisted' END,
       CASE WHEN p.ord <= u.seats THEN NULL ELSE u.seq0 + (p.ord - u.seats)::int END,
       p.name, p.name_kana, p.email, p.search_key, $3, $4::uuid, p.user_id, $5::uuid, p.school, p.graduation_year,
       p.cancel_hash, p.token
FROM upd u,
     unnest($6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::uuid[], $12::text[], $13::int[],
            $14::text[], $15::text[]) WITH ORDINALITY
       AS p(id, name, name_kana, email, search_key, user_id, school, graduation_year, cancel_hash, token, ord)
ORDER BY p.ord
RETURNING id, status, waitlist_seq, (SELECT waitlist_count FROM upd) AS waitlist_total`;

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
