import type { ApiError, CancelRegistrationResponse, EventDetail, RosterEntry } from '@chamber/contracts';
import { startTestApp, TestApp } from '../../testing/test-app';
import { createEvent, footprint, measure, registerPublic, statuses, student } from '../../testing/events';

describe('registration transactions under load and failure (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
  });
  afterAll(() => t.close());

  it('with no rate limit, 1,000 concurrent sign-ups for 300 seats: exactly 300 registered, waitlist 1..700', async () => {
    const event = await createEvent(t, staff, { capacity: 300 });
    const before = await measure(t, event, 'registrations');
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => registerPublic(t, event.id, student(10_000 + i))),
    );
    expect(answers.filter((a) => a.status !== 201).map((a) => a.status)).toEqual([]);
    const registered = answers.filter((a) => a.body.status === 'registered');
    const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
    expect(registered).toHaveLength(300);
    expect(waitlisted.map((a) => a.body.waitlistPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 700 }, (_, i) => i + 1),
    );
    const rows = await statuses(t, event.id);
    expect(rows.filter((r) => r.status === 'registered')).toHaveLength(300);
    expect(
      rows
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.waitlist_seq)
        .sort((a, b) => a! - b!),
    ).toEqual(Array.from({ length: 700 }, (_, i) => i + 1));
    const counted = await measure(t, event, 'registrations');
    expect(counted.counter - before.counter).toBe(300);
    expect(counted.counter).toBe(counted.ledger);
    const detail = await t.call<EventDetail>('GET', `/events/${event.id}`);
    expect(detail.body).toMatchObject({ registeredCount: 300, waitlistCount: 700, remainingSeats: 0 });

    // cancelling 5 registered promotes the first 5 waitlisted, each in its cancellation's transaction
    const byPosition = new Map(waitlisted.map((a) => [a.body.waitlistPosition!, a.body.id]));
    const cancels = await Promise.all(
      registered.slice(0, 5).map((a) =>
        t.call<CancelRegistrationResponse>('POST', '/public/registrations/cancel', {
          body: { cancelToken: a.body.cancelToken },
        }),
      ),
    );
    expect(cancels.map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);
    const promoted = cancels.map((c) => c.body.promotedRegistrationId).sort();
    expect(promoted).toEqual([1, 2, 3, 4, 5].map((p) => byPosition.get(p)).sort());
    const afterCancel = await measure(t, event, 'registrations');
    expect(afterCancel.counter).toBe(counted.counter);
    expect(afterCancel.counter).toBe(afterCancel.ledger);
    const roster = await t.call<RosterEntry[]>('GET', `/events/${event.id}/roster?status=waitlisted`, { token: staff });
    expect(roster.body.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 695 }, (_, i) => i + 1));
    expect(roster.body[0]!.id).toBe(byPosition.get(6));
    const final = await t.call<EventDetail>('GET', `/events/${event.id}`);
    expect(final.body).toMatchObject({ registeredCount: 300, waitlistCount: 695 });
  }, 120_000);

  it('a failure after the registration row is written rolls back the row and every counter', async () => {
    const event = await createEvent(t, staff, { capacity: 5 });
    // fails at COMMIT, when the row, its mail and its counter update have all been written: a
    // sequence (not transactional) records that the trigger saw them before it failed
    await t.db.query(`
      CREATE SEQUENCE doomed_saw_every_write;
      CREATE FUNCTION fail_doomed_registration() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.email LIKE 'doomed%' THEN
          IF EXISTS (SELECT 1 FROM kpi_ledger WHERE source_type = 'registration' AND source_id = NEW.id::text)
             AND EXISTS (SELECT 1 FROM mail_outbox WHERE related_id = NEW.id::text)
             AND EXISTS (SELECT 1 FROM event WHERE id = NEW.event_id AND taken > 0) THEN
            PERFORM nextval('doomed_saw_every_write');
          END IF;
          RAISE EXCEPTION 'injected failure after the registration row';
        END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER fail_doomed_registration AFTER INSERT ON registration
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_doomed_registration();`);
    try {
      const ledgerBefore = (await t.db.query(`SELECT count(*)::int AS n FROM kpi_ledger`))[0].n as number;
      const before = await footprint(t, event.id);
      const counter = await measure(t, event, 'registrations');
      const res = await registerPublic(t, event.id, student(5, { email: 'doomed@example.jp' }));
      expect(res.status).toBe(500);
      const [{ seen }] = (await t.db.query(
        `SELECT last_value::int AS seen, is_called FROM doomed_saw_every_write`,
      )) as {
        seen: number;
      }[];
      expect(seen).toBe(1);
      expect(await footprint(t, event.id)).toEqual(before);
      expect(await measure(t, event, 'registrations')).toEqual(counter);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM kpi_ledger`))[0].n).toBe(ledgerBefore);
      // the same path commits when nothing fails
      expect((await registerPublic(t, event.id, student(5))).status).toBe(201);
      expect((await measure(t, event, 'registrations')).counter).toBe(counter.counter + 1);
    } finally {
      await t.db.query(`DROP TRIGGER fail_doomed_registration ON registration;
        DROP FUNCTION fail_doomed_registration(); DROP SEQUENCE doomed_saw_every_write;`);
    }
  });
});

describe('public sign-ups under the default rate limit', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_RATE_LIMIT: '30' }); // the default
    staff = await t.login('staff@example.jp');
  });
  afterAll(() => t.close());

  it('a burst from one address meets 429, and the refused ones write nothing', async () => {
    const event = await createEvent(t, staff, { capacity: 100 });
    const before = await measure(t, event, 'registrations');
    const mailsBefore = (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox`))[0].n as number;
    const answers = await Promise.all(
      Array.from({ length: 45 }, (_, i) => registerPublic(t, event.id, student(500 + i))),
    );
    const ok = answers.filter((a) => a.status === 201);
    const limited = answers.filter((a) => a.status === 429);
    expect(ok).toHaveLength(30);
    expect(limited).toHaveLength(15);
    expect((limited[0]!.body as unknown as ApiError).message).toBeTruthy();
    const rows = await statuses(t, event.id);
    expect(rows.map((r) => r.id).sort()).toEqual(ok.map((a) => a.body.id).sort());
    expect((await measure(t, event, 'registrations')).counter).toBe(before.counter + 30);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox`))[0].n).toBe(mailsBefore + 30);
    // signed-in staff work is never limited
    const staffAnswers = await Promise.all(
      Array.from({ length: 5 }, () => t.call('GET', `/events/${event.id}/roster`, { token: staff })),
    );
    expect(staffAnswers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
  });
});
