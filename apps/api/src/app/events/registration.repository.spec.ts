import { randomUUID } from 'crypto';
import { fiscalYearOf } from '@chamber/domain';
import { startTestApp, TestApp } from '../../testing/test-app';
import { createEvent, measure } from '../../testing/events';
import { RegistrationRepository } from './registration.repository';
import type { ParticipantRow } from './registration-sql';

function person(i: number, email = `repo${i}.${randomUUID().slice(0, 8)}@example.jp`): ParticipantRow {
  return {
    ord: i,
    id: randomUUID(),
    mailId: randomUUID(),
    name: `参加者 ${i}`,
    nameKana: 'サンカシャ',
    email,
    searchKey: `参加者${i}|サンカシャ|${email}`,
    userId: null,
    school: null,
    graduationYear: null,
    cancelTokenHash: null,
    checkInTokenHash: randomUUID(),
    lang: 'ja',
  };
}

interface Case {
  name: string;
  capacity: number;
  /** registered before, then waitlisted before */
  before: { registered: number; waitlisted: number };
  batch: number;
  /** a capacity raised after the event filled, before anyone was promoted */
  capacityAfter?: number;
  cancelled?: boolean;
  duplicateEmail?: boolean;
  expected: { status: 'registered' | 'waitlisted'; position: number | null }[] | 'none' | 'unique_violation';
}

const CASES: Case[] = [
  {
    name: 'seats free: everyone gets one',
    capacity: 5,
    before: { registered: 0, waitlisted: 0 },
    batch: 2,
    expected: [
      { status: 'registered', position: null },
      { status: 'registered', position: null },
    ],
  },
  {
    name: 'partial fit: the first take the last seats, the rest wait in request order',
    capacity: 3,
    before: { registered: 2, waitlisted: 0 },
    batch: 3,
    expected: [
      { status: 'registered', position: null },
      { status: 'waitlisted', position: 1 },
      { status: 'waitlisted', position: 2 },
    ],
  },
  {
    name: 'waitlist already non-empty: no seat is taken past those waiting, even a free one',
    capacity: 3,
    before: { registered: 3, waitlisted: 2 },
    capacityAfter: 4,
    batch: 1,
    expected: [{ status: 'waitlisted', position: 3 }],
  },
  {
    name: 'event cancelled: nothing is written',
    capacity: 5,
    before: { registered: 0, waitlisted: 0 },
    batch: 2,
    cancelled: true,
    expected: 'none',
  },
  {
    name: 'duplicate email in a batch: the unique index refuses the whole statement',
    capacity: 5,
    before: { registered: 0, waitlisted: 0 },
    batch: 2,
    duplicateEmail: true,
    expected: 'unique_violation',
  },
];

describe('RegistrationRepository.register (real PostgreSQL)', () => {
  let t: TestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
  });
  afterAll(() => t.close());

  it.each(CASES)('$name', async (c) => {
    const repo = t.app.get(RegistrationRepository);
    const event = await createEvent(t, staff, { capacity: c.capacity });
    const fiscalYear = fiscalYearOf(event.startsAt);
    const input = (people: ParticipantRow[]) => ({
      eventId: event.id,
      people,
      source: 'staff' as const,
      memberId: null,
      registeredBy: null,
      mailStatus: 'kept' as const,
      fiscalYear,
    });
    // fill the event first: registered up to capacity, then the waitlist
    const prior = c.before.registered + c.before.waitlisted;
    if (prior) await repo.register(input(Array.from({ length: prior }, (_, i) => person(i + 1))));
    if (c.capacityAfter) await t.db.query(`UPDATE event SET capacity = $2 WHERE id = $1`, [event.id, c.capacityAfter]);
    if (c.cancelled) await t.db.query(`UPDATE event SET status = 'cancelled' WHERE id = $1`, [event.id]);
    const before = await footprint(t, event.id);
    const counted = await measure(t, event, 'registrations');

    const batch = Array.from({ length: c.batch }, (_, i) => person(i + 1));
    if (c.duplicateEmail) batch[1] = { ...batch[1]!, email: batch[0]!.email };
    const run = repo.register(input(batch));

    if (c.expected === 'unique_violation') {
      await expect(run).rejects.toMatchObject({ constraint: 'registration_event_email_uq' });
    } else {
      const rows = await run;
      if (c.expected === 'none') expect(rows).toEqual([]);
      else {
        expect(rows.map((r) => ({ status: r.status, position: r.position }))).toEqual(c.expected);
        expect(rows.map((r) => r.id)).toEqual(batch.map((p) => p.id));
      }
    }
    const after = await footprint(t, event.id);
    const seated = Array.isArray(c.expected) ? c.expected.filter((e) => e.status === 'registered').length : 0;
    const waiting = Array.isArray(c.expected) ? c.expected.length - seated : 0;
    expect(after).toEqual({
      taken: before.taken + seated,
      waitlist: before.waitlist + waiting,
      registrations: before.registrations + seated + waiting,
      mails: before.mails + seated + waiting,
    });
    const recounted = await measure(t, event, 'registrations');
    expect(recounted.counter).toBe(counted.counter + seated);
    expect(recounted.counter).toBe(recounted.ledger);
  });
});

async function footprint(t: TestApp, eventId: string) {
  const [row] = (await t.db.query(
    `SELECT e.taken, e.waitlist_count AS waitlist,
            (SELECT count(*)::int FROM registration r WHERE r.event_id = e.id) AS registrations,
            (SELECT count(*)::int FROM mail_outbox m JOIN registration r ON m.related_id = r.id::text
              WHERE r.event_id = e.id) AS mails
     FROM event e WHERE e.id = $1`,
    [eventId],
  )) as { taken: number; waitlist: number; registrations: number; mails: number }[];
  return row!;
}
