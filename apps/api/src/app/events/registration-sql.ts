// The SQL a registration runs, with its typed input. Framework-free (only type imports), so the
// benchmark that replays it in pgbench imports the same builder. The functions it calls are made
// by migrations; events/registration.sql holds every statement and function as PostgreSQL has them
// (a spec keeps that file in step with the database).
import type { Language, RegistrationSource } from '@chamber/contracts';

/** What a registration reads of its event first (the seats are read again, under lock, by the function). */
export const EVENT_FOR_REGISTRATION_SQL = `
SELECT id, title_ja AS "titleJa", title_en AS "titleEn", starts_at AS "startsAt", ends_at AS "endsAt", venue,
       action_item_code AS "actionItemCode", capacity, taken, waitlist_count AS "waitlistCount", audience, status,
       registration_opens_at AS "registrationOpensAt", registration_closes_at AS "registrationClosesAt"
FROM event WHERE id = $1`;

/** One participant, as `register_participants` reads it (the keys are the function's column names). */
export interface ParticipantRow {
  /** 1-based order in the request: seats go to the first, the rest wait in this order */
  ord: number;
  id: string;
  mailId: string;
  name: string;
  nameKana: string;
  email: string;
  searchKey: string;
  userId: string | null;
  school: string | null;
  graduationYear: number | null;
  cancelTokenHash: string | null;
  checkInTokenHash: string;
  lang: Language;
}

export interface RegisterInput {
  eventId: string;
  people: ParticipantRow[];
  source: RegistrationSource;
  memberId: string | null;
  registeredBy: string | null;
  /** 'pending' when mail is sent by the queue, 'kept' when there is no SMTP */
  mailStatus: 'pending' | 'kept';
  /** the fiscal year the event counts in (of its start, Asia/Tokyo) */
  fiscalYear: number;
}

/** One row per participant, in request order; no rows when the event is cancelled. */
export interface RegisteredRow {
  id: string;
  status: 'registered' | 'waitlisted';
  position: number | null;
}

export const REGISTER_SQL = `
SELECT registration_id AS id, registration_status AS status, waitlist_position AS position
FROM register_participants(
  p_event_id => $1, p_people => $2, p_source => $3, p_member_id => $4, p_registered_by => $5,
  p_mail_status => $6, p_fiscal_year => $7)`;

/** The registration statement with its values, named in one place. */
export function registerStatement(input: RegisterInput): { text: string; values: unknown[] } {
  return {
    text: REGISTER_SQL,
    values: [
      input.eventId,
      JSON.stringify(input.people),
      input.source,
      input.memberId,
      input.registeredBy,
      input.mailStatus,
      input.fiscalYear,
    ],
  };
}
