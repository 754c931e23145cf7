// Fixtures and readings on the real database for the specs that need events and registrations (not a spec).
import type { CreateEventRequest, EventDetail, PublicRegistrationResponse } from '@chamber/contracts';
import { fiscalYearOf } from '@chamber/domain';
import type { TestApp } from './test-app';

let n = 0;

/** An event starting in two days (its registration window open), created by staff over HTTP. */
export async function createEvent(
  t: TestApp,
  staffToken: string,
  overrides: Partial<CreateEventRequest> = {},
): Promise<EventDetail> {
  const start = new Date(Date.now() + 2 * 24 * 3600_000);
  const res = await t.call<EventDetail>('POST', '/events', {
    token: staffToken,
    body: {
      kind: 'job_fair',
      title: { ja: `合同就職説明会 ${++n}`, en: `Joint job fair ${n}` },
      actionItemCode: 'A1-1',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 4 * 3600_000).toISOString(),
      venue: '相模原市産業会館',
      capacity: 10,
      audience: 'students',
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`create event: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const KANA_DIGITS = 'アイウエオカキクケコ';

/** A distinct furigana per number (digits spelt as kana), written in hiragana as a student might. */
export function kanaOf(i: number): string {
  return [...String(i)].map((d) => KANA_DIGITS[Number(d)]).join('');
}

export function student(i: number, extra: Record<string, unknown> = {}) {
  return {
    name: `学生 ${i}号`,
    nameKana: `ガクセイ ${kanaOf(i)}`,
    email: `student${i}@univ.example.jp`,
    school: '相模原大学',
    graduationYear: 2027,
    ...extra,
  };
}

export function registerPublic(t: TestApp, eventId: string, body: Record<string, unknown>) {
  return t.call<PublicRegistrationResponse>('POST', `/public/events/${eventId}/registrations`, { body });
}

/** The counter and the sum of its ledger for an event's measure (action item and FY of the event). */
export async function measure(
  t: TestApp,
  event: { actionItemCode: string; startsAt: string },
  name: string,
): Promise<{ counter: number; ledger: number }> {
  const fy = fiscalYearOf(event.startsAt);
  const [c] = (await t.db.query(
    `SELECT value::float AS v FROM kpi_counter WHERE action_item_code = $1 AND measure = $2 AND fiscal_year = $3`,
    [event.actionItemCode, name, fy],
  )) as { v: number }[];
  const [l] = (await t.db.query(
    `SELECT COALESCE(SUM(delta), 0)::float AS v FROM kpi_ledger WHERE action_item_code = $1 AND measure = $2 AND fiscal_year = $3`,
    [event.actionItemCode, name, fy],
  )) as { v: number }[];
  return { counter: c?.v ?? 0, ledger: l!.v };
}

/** Row counts of everything a registration writes: a refused request must leave them all as they were. */
export async function footprint(t: TestApp, eventId: string) {
  const [row] = (await t.db.query(
    `SELECT (SELECT count(*) FROM registration WHERE event_id = $1)::int AS registrations,
            (SELECT count(*) FROM kpi_ledger)::int AS ledger,
            (SELECT COALESCE(SUM(value), 0) FROM kpi_counter)::float AS counters,
            (SELECT count(*) FROM mail_outbox)::int AS mails,
            (SELECT taken FROM event WHERE id = $1) AS taken,
            (SELECT waitlist_count FROM event WHERE id = $1) AS waitlisted`,
    [eventId],
  )) as Record<string, number>[];
  return row!;
}

export async function statuses(t: TestApp, eventId: string) {
  return (await t.db.query(
    `SELECT id, status, waitlist_seq, email FROM registration WHERE event_id = $1 ORDER BY created_at`,
    [eventId],
  )) as { id: string; status: string; waitlist_seq: number | null; email: string }[];
}

/** Times of an event that started an hour ago (check-ins are refused before the event's day). */
export function startedNow(): { startsAt: string; endsAt: string } {
  const start = Date.now() - 3600_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 4 * 3600_000).toISOString() };
}
