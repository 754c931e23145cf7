/** Pure rules the event pages share: seats, outcome types per kind, and placing API field errors. */
import { OUTCOME_TYPES_BY_KIND, type EventKind, type FieldError, type OutcomeType } from '@chamber/contracts';

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

/**
 * API field errors by field path ("participants.1.nameKana"). A field may be named with a prefix
 * (the whole "participants.1") or with brackets ("participants[1].nameKana"); both are normalised.
 */
export function fieldErrorMap(errors: readonly FieldError[] | null | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of errors ?? []) {
    const field = (e.field ?? '').replace(/\[(\d+)\]/g, '.$1');
    const previous = map.get(field);
    map.set(field, previous ? `${previous} ${e.message}` : e.message);
  }
  return map;
}

/** The messages of an error map that no known field takes (shown at the top of the form). */
export function unplacedErrors(map: ReadonlyMap<string, string>, known: (field: string) => boolean): string[] {
  const rest: string[] = [];
  for (const [field, message] of map) if (!known(field)) rest.push(message);
  return rest;
}
