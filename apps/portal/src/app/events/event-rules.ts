/** Pure rules the event pages share: seats and outcome types per kind. */
import { OUTCOME_TYPES_BY_KIND, type EventKind, type OutcomeType } from '@chamber/contracts';

export interface SeatInfo {
  capacity: number;
  registered: number;
  remaining: number;
  full: boolean;
  waitlist: number;
}

/** Remaining seats and the honest waitlist figure of an event. */
export function seatInfo(e: { capacity: number; registeredCount: number; waitlistCount: number }): SeatInfo {
  const remaining = Math.max(0, e.capacity - e.registeredCount);
  return {
    capacity: e.capacity,
    registered: e.registeredCount,
    remaining,
    full: remaining === 0,
    waitlist: e.waitlistCount,
  };
}

/** The outcomes staff may record on an attended registration of this kind of event (job fairs: job offers). */
export function outcomeTypesFor(kind: EventKind): readonly OutcomeType[] {
  return OUTCOME_TYPES_BY_KIND[kind] ?? [];
}
