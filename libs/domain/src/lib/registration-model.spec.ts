import fc from 'fast-check';
import { RegistrationModel } from './registration-model';

const signUp = (m: RegistrationModel, email: string, idempotencyKey?: string) =>
  m.signUp('public', [email], { body: JSON.stringify({ email }), idempotencyKey });

describe('registration model', () => {
  it('seats up to the capacity, then waitlists in arrival order', () => {
    const m = new RegistrationModel(2);
    signUp(m, 'a@x.jp');
    signUp(m, 'b@x.jp');
    expect(signUp(m, 'c@x.jp')).toEqual({
      httpStatus: 201,
      placements: [{ ref: 2, status: 'waitlisted', waitlistPosition: 1 }],
      replayed: false,
    });
    expect(signUp(m, 'd@x.jp')).toMatchObject({ placements: [{ ref: 3, waitlistPosition: 2 }] });
    expect(m.seatsTaken).toBe(2);
    expect(m.counters.registrations).toBe(2);
  });

  it('refuses the same email (any case) while its registration stands, and takes it again after a cancel', () => {
    const m = new RegistrationModel(5);
    signUp(m, 'a@x.jp');
    expect(signUp(m, ' A@X.JP')).toEqual({ httpStatus: 409, code: 'already_registered', fields: ['email'] });
    m.cancel(0);
    expect(signUp(m, 'a@x.jp')).toMatchObject({ httpStatus: 201, placements: [{ ref: 1 }] });
  });

  it('promotes the first waitlisted on cancel and renumbers the waitlist', () => {
    const m = new RegistrationModel(1);
    ['a', 'b', 'c'].forEach((n) => signUp(m, `${n}@x.jp`));
    expect(m.cancel(1)).toEqual({ httpStatus: 200, promotedRef: null }); // waitlisted: no seat freed
    expect(m.waitlistPosition(2)).toBe(1);
    expect(m.cancel(0)).toEqual({ httpStatus: 200, promotedRef: 2 });
    expect(m.registration(2)!.status).toBe('registered');
    expect(m.counters.registrations).toBe(1); // +1 a, -1 a, +1 c
    expect(m.cancel(0)).toEqual({ httpStatus: 409, code: 'already_cancelled' });
  });

  it('queues a company batch behind anyone waiting, and takes all of it or none', () => {
    const m = new RegistrationModel(3);
    signUp(m, 'a@x.jp');
    const batch = (emails: string[]) => m.signUp('company', emails, { body: JSON.stringify(emails) });
    expect(batch(['b@x.jp', 'c@x.jp', 'd@x.jp'])).toMatchObject({
      placements: [
        { status: 'registered', waitlistPosition: null },
        { status: 'registered', waitlistPosition: null },
        { status: 'waitlisted', waitlistPosition: 1 },
      ],
    });
    expect(batch(['e@x.jp', 'a@x.jp'])).toEqual({
      httpStatus: 409,
      code: 'already_registered',
      fields: ['participants.1.email'],
    });
    expect(batch(['e@x.jp', 'f@x.jp', 'E@x.jp'])).toEqual({ httpStatus: 400, fields: ['participants.2.email'] });
    expect(m.registrations).toHaveLength(4);
  });

  it('replays the first answer for the same key and writes nothing, and runs again after an error', () => {
    const m = new RegistrationModel(1);
    const first = signUp(m, 'a@x.jp', 'k1');
    signUp(m, 'b@x.jp');
    expect(signUp(m, 'a@x.jp', 'k1')).toEqual({ ...first, replayed: true });
    expect(signUp(m, 'c@x.jp', 'k1')).toEqual({ httpStatus: 422, fields: ['Idempotency-Key'] }); // see IDEMPOTENCY_KEY_REUSE
    expect(m.registrations).toHaveLength(2);
    expect(signUp(m, 'b@x.jp', 'k2')).toMatchObject({ httpStatus: 409 });
    m.cancel(1);
    expect(signUp(m, 'b@x.jp', 'k2')).toMatchObject({ httpStatus: 201, replayed: false });
    const lax = new RegistrationModel(1, 'replay');
    const laxFirst = signUp(lax, 'a@x.jp', 'k1');
    expect(signUp(lax, 'c@x.jp', 'k1')).toEqual({ ...laxFirst, replayed: true });
  });

  it('checks in once, marks the event held once, and records outcomes only for attended', () => {
    const m = new RegistrationModel(1);
    signUp(m, 'a@x.jp');
    signUp(m, 'b@x.jp');
    expect(m.recordOutcome(0, 'job_offer')).toEqual({ httpStatus: 409, code: 'not_attended' });
    expect(m.checkIn(1)).toEqual({ httpStatus: 409, code: 'waitlisted' });
    expect(m.checkIn(0)).toEqual({ httpStatus: 200, alreadyCheckedIn: false, eventMarkedHeld: true });
    expect(m.checkIn(0)).toEqual({ httpStatus: 200, alreadyCheckedIn: true, eventMarkedHeld: false });
    expect(m.cancel(0)).toEqual({ httpStatus: 409, code: 'attended' });
    expect(m.recordOutcome(0, 'job_offer')).toEqual({ httpStatus: 201 });
    expect(m.recordOutcome(0, 'job_offer')).toEqual({ httpStatus: 409, code: 'duplicate_outcome' });
    expect(m.counters).toMatchObject({ attendance: 1, events_held: 1, 'outcome:job_offer': 1, registrations: 1 });
  });

  it('raises the capacity to promote, never lowers it below the seats taken', () => {
    const m = new RegistrationModel(1);
    ['a', 'b', 'c', 'd'].forEach((n) => signUp(m, `${n}@x.jp`));
    expect(m.setCapacity(3)).toEqual({ httpStatus: 200, promotedRefs: [1, 2] });
    expect(m.waitlistPosition(3)).toBe(1);
    expect(m.setCapacity(2)).toEqual({ httpStatus: 400, field: 'capacity' });
    expect(m.counters.registrations).toBe(3);
  });

  it('cancels the event before it is held only: every registration ends and nobody is taken after', () => {
    const m = new RegistrationModel(1);
    signUp(m, 'a@x.jp');
    signUp(m, 'b@x.jp');
    expect(m.cancelEvent()).toEqual({ httpStatus: 200, cancelledRegistrations: 2 });
    expect(m.counters.registrations).toBe(0);
    expect(m.cancelEvent()).toEqual({ httpStatus: 409, code: 'event_cancelled' });
    expect(signUp(m, 'c@x.jp')).toEqual({ httpStatus: 409, code: 'event_cancelled', fields: ['id'] });
    expect(m.markHeld()).toEqual({ httpStatus: 409, code: 'event_cancelled' });
    const held = new RegistrationModel(1);
    expect(held.markHeld()).toEqual({ httpStatus: 200 });
    expect(held.markHeld()).toEqual({ httpStatus: 200 });
    expect(held.counters.events_held).toBe(1);
    signUp(held, 'a@x.jp');
    expect(held.checkIn(0)).toMatchObject({ eventMarkedHeld: false });
    expect(held.cancelEvent()).toEqual({ httpStatus: 409, code: 'event_held' });
  });

  it('replays a retried cancel link with the first answer', () => {
    const m = new RegistrationModel(1);
    signUp(m, 'a@x.jp');
    signUp(m, 'b@x.jp');
    const body = JSON.stringify({ cancelToken: 'a' });
    expect(m.cancelByToken(0, { body, idempotencyKey: 'k' })).toEqual({
      httpStatus: 200,
      promotedRef: 1,
      replayed: false,
    });
    expect(m.cancelByToken(0, { body, idempotencyKey: 'k' })).toMatchObject({ httpStatus: 200, replayed: true });
    expect(m.cancelByToken(0, { body })).toMatchObject({ httpStatus: 409, code: 'already_cancelled' });
  });

  it('takes a removed outcome off its counter', () => {
    const m = new RegistrationModel(1);
    signUp(m, 'a@x.jp');
    m.checkIn(0);
    expect(m.removeOutcome(0, 'interview')).toEqual({ httpStatus: 404 });
    m.recordOutcome(0, 'interview');
    expect(m.removeOutcome(0, 'interview')).toEqual({ httpStatus: 200 });
    expect(m.counters['outcome:interview']).toBe(0);
    expect(m.recordOutcome(0, 'interview')).toEqual({ httpStatus: 201 });
  });

  it('keeps its invariants under any sequence: never overbooked, a gapless waitlist, counters = state', () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('public' as const), email: fc.integer({ min: 0, max: 5 }) }),
      fc.record({
        op: fc.constant('company' as const),
        emails: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ op: fc.constantFrom('cancel' as const, 'checkIn' as const, 'offer' as const), ref: fc.nat(12) }),
      fc.record({ op: fc.constant('capacity' as const), capacity: fc.integer({ min: 1, max: 5 }) }),
      fc.constant({ op: 'cancelEvent' as const }),
      fc.constant({ op: 'held' as const }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 40 }), (capacity, steps) => {
        const m = new RegistrationModel(capacity);
        for (const s of steps) {
          if (s.op === 'public') signUp(m, `s${s.email}@x.jp`);
          else if (s.op === 'capacity') m.setCapacity(s.capacity);
          else if (s.op === 'cancelEvent') m.cancelEvent();
          else if (s.op === 'held') m.markHeld();
          else if (s.op === 'company')
            m.signUp(
              'company',
              s.emails.map((e) => `s${e}@x.jp`),
              { body: '' },
            );
          else if (m.registration(s.ref)) {
            if (s.op === 'cancel') m.cancel(s.ref);
            else if (s.op === 'checkIn') m.checkIn(s.ref);
            else m.recordOutcome(s.ref, 'job_offer');
          }
          expect(m.seatsTaken).toBeLessThanOrEqual(m.capacity);
          // nobody waits while a seat is free
          if (m.waitlisted.length) expect(m.seatsTaken).toBe(m.capacity);
          expect(m.waitlisted.map((r) => m.waitlistPosition(r.ref))).toEqual(m.waitlisted.map((_, i) => i + 1));
          expect(m.counters.registrations).toBe(m.seatsTaken);
          expect(m.counters.attendance).toBe(m.registrations.filter((r) => r.status === 'attended').length);
          expect(m.counters.events_held).toBe(m.eventStatus === 'held' ? 1 : 0);
          if (m.eventStatus === 'cancelled') expect(m.seatsTaken + m.waitlisted.length).toBe(0);
          const live = m.registrations.filter((r) => r.status !== 'cancelled').map((r) => r.email);
          expect(new Set(live).size).toBe(live.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
