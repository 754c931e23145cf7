/** API field errors by field, without Angular (unit-tested in events/event-rules.spec.ts). */
import type { FieldError } from '@chamber/contracts';

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
