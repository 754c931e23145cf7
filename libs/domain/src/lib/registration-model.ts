/**
 * A pure model of one event's registration life cycle, as the HTTP contract (API.md, Events) and
 * KPIS.md describe it: seats and a waitlist, promotion on cancel, the same email refused, retries
 * with an Idempotency-Key, company batches (all or none), check-in, outcomes, and the counters each
 * step moves. The model-based API test (apps/api-e2e/src/registration-model.e2e.ts) runs random
 * command sequences against it and the built server side by side.
 */
import type { OutcomeType } from '@chamber/contracts';
import { seatClaim } from './events';
import { freeSeats, promotionOrder } from './waitlist';

export type ModelStatus = 'registered' | 'waitlisted' | 'cancelled' | 'attended';
/** Who signs up: the public form (one person, gets a cancel token) or a member company's batch. */
export type ModelCaller = 'public' | 'company';
export type ModelMeasure = 'registrations' | 'attendance' | 'events_held' | `outcome:${OutcomeType}`;

export interface ModelRegistration {
  /** creation order in this model, 0-based: how commands name a registration */
  ref: number;
  email: string;
  caller: ModelCaller;
  status: ModelStatus;
  /** arrival order on the waitlist (never renumbered); null when seated at once */
  waitlistSeq: number | null;
  outcomes: OutcomeType[];
}

export interface ModelPlacement {
  ref: number;
  status: 'registered' | 'waitlisted';
  /** the rank in the current waitlist, 1 = next to be promoted */
  waitlistPosition: number | null;
}

export type SignUpAnswer =
  | { httpStatus: 201; placements: ModelPlacement[]; replayed: boolean }
  /** `fields`: each field the server may name (it names one) */
  | { httpStatus: 400 | 409 | 422; code?: string; fields: string[] };
export type CancelAnswer =
  | { httpStatus: 200; promotedRef: number | null }
  | { httpStatus: 409; code: 'attended' | 'already_cancelled' };
export type CheckInAnswer =
  | { httpStatus: 200; alreadyCheckedIn: boolean; eventMarkedHeld: boolean }
  | { httpStatus: 409; code: 'waitlisted' | 'cancelled' };
export type OutcomeAnswer = { httpStatus: 201 } | { httpStatus: 409; code: 'not_attended' | 'duplicate_outcome' };
export type RemoveOutcomeAnswer = { httpStatus: 200 } | { httpStatus: 404 };
export type CapacityAnswer =
  | { httpStatus: 200; promotedRefs: number[] }
  | { httpStatus: 400; field: 'capacity' }
  | { httpStatus: 409; code: 'event_cancelled' };
export type EventCancelAnswer =
  | { httpStatus: 200; cancelledRegistrations: number }
  | { httpStatus: 409; code: 'event_cancelled' | 'event_held' };
export type MarkHeldAnswer = { httpStatus: 200 } | { httpStatus: 409; code: 'event_cancelled' };
export type EventStatusModel = 'scheduled' | 'held' | 'cancelled';

/**
 * What the server answers to a known Idempotency-Key with a different body: keys are bound to a
 * hash of the body (issue 11, finding 8), so it answers 422 naming the header and writes nothing
 * ('replay' was the answer before: the first answer again, someone else's cancel token included).
 */
export type KeyReuse = 'replay' | 'refuse';
export const IDEMPOTENCY_KEY_REUSE: KeyReuse = 'refuse';

/** Emails are compared as the API stores them: trimmed, lower case. */
export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class RegistrationModel {
  readonly registrations: ModelRegistration[] = [];
  /** counter moves since the event was created, per measure (the ledger's sum for this event) */
  readonly counters: Record<ModelMeasure, number> = {
    registrations: 0,
    attendance: 0,
    events_held: 0,
    'outcome:job_offer': 0,
    'outcome:interview': 0,
    'outcome:business_deal': 0,
    'outcome:follow_up_meeting': 0,
    'outcome:consultation': 0,
  };
  /** the first check-in or staff mark it held (counted once); an event not yet held can be cancelled */
  eventStatus: EventStatusModel = 'scheduled';
  private nextWaitlistSeq = 1;
  /** successful answers by caller and key: errors are not kept, so a retry after one runs again */
  private readonly keys = new Map<string, { body: string; answer: unknown }>();

  constructor(
    public capacity: number,
    readonly keyReuse: KeyReuse = IDEMPOTENCY_KEY_REUSE,
  ) {}

  /** Seats held: registered and attended (the event's `registeredCount`). */
  get seatsTaken(): number {
    return this.registrations.filter((r) => r.status === 'registered' || r.status === 'attended').length;
  }

  get waitlisted(): ModelRegistration[] {
    return this.registrations.filter((r) => r.status === 'waitlisted').sort((a, b) => a.waitlistSeq! - b.waitlistSeq!);
  }

  registration(ref: number): ModelRegistration | undefined {
    return this.registrations[ref];
  }

  waitlistPosition(ref: number): number | null {
    const i = this.waitlisted.findIndex((r) => r.ref === ref);
    return i < 0 ? null : i + 1;
  }

  /**
   * A sign-up: the public form (one email) or a company batch (all of them or none). `body` is the
   * request body as sent, which decides whether a reused Idempotency-Key is a retry.
   */
  signUp(
    caller: ModelCaller,
    emails: readonly string[],
    opts: { body: string; idempotencyKey?: string },
  ): SignUpAnswer {
    const refused = { httpStatus: 422 as const, fields: ['Idempotency-Key'] };
    const answer = this.retried(`${caller} sign-up`, opts, refused, (): SignUpAnswer => {
      // a cancelled event takes nobody, before any other check of the body
      if (this.eventStatus === 'cancelled') return { httpStatus: 409, code: 'event_cancelled', fields: ['id'] };
      return this.place(caller, emails.map(normalEmail));
    });
    if (answer.httpStatus === 201) return answer;
    const { replayed: _, ...refusal } = answer;
    return refusal;
  }

  /** The public cancel link (POST /api/public/registrations/cancel), which a client may retry with a key. */
  cancelByToken(
    ref: number,
    opts: { body: string; idempotencyKey?: string },
  ): (CancelAnswer & { replayed: boolean }) | { httpStatus: 422; replayed: false } {
    return this.retried('public cancel', opts, { httpStatus: 422 as const }, () => this.cancel(ref));
  }

  /**
   * An Idempotency-Key: a successful answer is kept per caller, route and key and replayed to the
   * same key (nothing runs again); errors are not kept, so a retry after one runs again.
   */
  private retried<A extends { httpStatus: number }, R extends { httpStatus: number }>(
    scope: string,
    opts: { body: string; idempotencyKey?: string },
    refused: R,
    run: () => A,
  ): (A & { replayed: boolean }) | (R & { replayed: false }) {
    const id = opts.idempotencyKey === undefined ? undefined : `${scope} ${opts.idempotencyKey}`;
    const earlier = id === undefined ? undefined : this.keys.get(id);
    if (earlier) {
      if (earlier.body !== opts.body && this.keyReuse === 'refuse') return { ...refused, replayed: false };
      return { ...(earlier.answer as A), replayed: true };
    }
    const answer = run();
    if (id !== undefined && answer.httpStatus < 300) this.keys.set(id, { body: opts.body, answer });
    return { ...answer, replayed: false };
  }

  private place(caller: ModelCaller, emails: string[]): SignUpAnswer {
    const field = (i: number) => (caller === 'public' ? 'email' : `participants.${i}.email`);
    const repeat = emails.findIndex((e, i) => emails.indexOf(e) !== i);
    if (repeat >= 0) return { httpStatus: 400, fields: [field(repeat)] };
    const taken = emails
      .map((e, i) => (this.registrations.some((r) => r.email === e && r.status !== 'cancelled') ? i : -1))
      .filter((i) => i >= 0);
    if (taken.length) return { httpStatus: 409, code: 'already_registered', fields: taken.map(field) };

    const claim = seatClaim(emails.length, this.capacity, this.seatsTaken, this.waitlisted.length);
    const placements = emails.map((email, i): ModelPlacement => {
      const seated = i < claim.seats;
      const reg: ModelRegistration = {
        ref: this.registrations.length,
        email,
        caller,
        status: seated ? 'registered' : 'waitlisted',
        waitlistSeq: seated ? null : this.nextWaitlistSeq++,
        outcomes: [],
      };
      this.registrations.push(reg);
      return { ref: reg.ref, status: reg.status as ModelPlacement['status'], waitlistPosition: null };
    });
    for (const p of placements) p.waitlistPosition = this.waitlistPosition(p.ref);
    this.counters.registrations += claim.seats;
    return { httpStatus: 201, placements, replayed: false };
  }

  /** Cancel by the public token or by staff (the same rule): the first waitlisted takes the seat. */
  cancel(ref: number): CancelAnswer {
    const reg = this.must(ref);
    if (reg.status === 'attended') return { httpStatus: 409, code: 'attended' };
    if (reg.status === 'cancelled') return { httpStatus: 409, code: 'already_cancelled' };
    const wasSeated = reg.status === 'registered';
    reg.status = 'cancelled';
    if (!wasSeated) return { httpStatus: 200, promotedRef: null };
    this.counters.registrations -= 1;
    return { httpStatus: 200, promotedRef: this.promote()[0] ?? null };
  }

  /** Cancel by staff (any registration) or by the company's member_admin (its own only, else 403). */
  cancelAs(ref: number, who: 'staff' | 'company'): CancelAnswer | { httpStatus: 403 } {
    if (who === 'company' && this.must(ref).caller !== 'company') return { httpStatus: 403 };
    return this.cancel(ref);
  }

  /** Staff change the capacity: never below the seats taken; raising it promotes who now fits. */
  setCapacity(capacity: number): CapacityAnswer {
    if (this.eventStatus === 'cancelled') return { httpStatus: 409, code: 'event_cancelled' };
    if (capacity < this.seatsTaken) return { httpStatus: 400, field: 'capacity' };
    this.capacity = capacity;
    return { httpStatus: 200, promotedRefs: this.promote() };
  }

  /** Staff cancel the event (only before it is held): every registration ends, their seats come off. */
  cancelEvent(): EventCancelAnswer {
    if (this.eventStatus !== 'scheduled') {
      return { httpStatus: 409, code: this.eventStatus === 'held' ? 'event_held' : 'event_cancelled' };
    }
    const ending = this.registrations.filter((r) => r.status === 'registered' || r.status === 'waitlisted');
    this.counters.registrations -= this.seatsTaken;
    for (const r of ending) r.status = 'cancelled';
    this.eventStatus = 'cancelled';
    return { httpStatus: 200, cancelledRegistrations: ending.length };
  }

  /** Staff mark the event held: counted once, whether by this or by the first check-in. */
  markHeld(): MarkHeldAnswer {
    if (this.eventStatus === 'cancelled') return { httpStatus: 409, code: 'event_cancelled' };
    this.hold();
    return { httpStatus: 200 };
  }

  /** The first waitlisted, in arrival order, into the free seats: their refs. */
  private promote(): number[] {
    const promoted = promotionOrder(
      this.waitlisted.map((r) => ({ id: String(r.ref), waitlistPosition: r.waitlistSeq!, reg: r })),
      freeSeats(this.capacity, this.seatsTaken),
    );
    for (const p of promoted) p.reg.status = 'registered';
    this.counters.registrations += promoted.length;
    return promoted.map((p) => p.reg.ref);
  }

  private hold(): boolean {
    if (this.eventStatus !== 'scheduled') return false;
    this.eventStatus = 'held';
    this.counters.events_held += 1;
    return true;
  }

  /** Check-in: counts once; repeating it is harmless; the event's first check-in marks it held. */
  checkIn(ref: number): CheckInAnswer {
    const reg = this.must(ref);
    if (reg.status === 'attended') return { httpStatus: 200, alreadyCheckedIn: true, eventMarkedHeld: false };
    if (reg.status !== 'registered') return { httpStatus: 409, code: reg.status };
    reg.status = 'attended';
    this.counters.attendance += 1;
    return { httpStatus: 200, alreadyCheckedIn: false, eventMarkedHeld: this.hold() };
  }

  /** An outcome: attended registrations only, one of each type. */
  recordOutcome(ref: number, type: OutcomeType): OutcomeAnswer {
    const reg = this.must(ref);
    if (reg.status !== 'attended') return { httpStatus: 409, code: 'not_attended' };
    if (reg.outcomes.includes(type)) return { httpStatus: 409, code: 'duplicate_outcome' };
    reg.outcomes.push(type);
    this.counters[`outcome:${type}`] += 1;
    return { httpStatus: 201 };
  }

  /** A mistaken outcome removed: off its counter; recording it again is allowed. */
  removeOutcome(ref: number, type: OutcomeType): RemoveOutcomeAnswer {
    const reg = this.must(ref);
    if (!reg.outcomes.includes(type)) return { httpStatus: 404 };
    reg.outcomes = reg.outcomes.filter((o) => o !== type);
    this.counters[`outcome:${type}`] -= 1;
    return { httpStatus: 200 };
  }

  private must(ref: number): ModelRegistration {
    const reg = this.registrations[ref];
    if (!reg) throw new Error(`no registration r${ref} in the model`);
    return reg;
  }
}
