/**
 * Which record a write was about, read from its route: the trailing verbs (`cancel`, `check-in`,
 * `answer` …) act on the record before them; a route ending in a parameter names its record by it
 * (`/members/:id/people/:personId` → people, personId); a route ending in a collection created a
 * record, named by the answer's id (`POST /events/:id/registrations` → registrations, the new id).
 */
const VERBS = new Set([
  'accept',
  'answer',
  'cancel',
  'check-in',
  'check-ins',
  'confirm',
  'continue',
  'deactivate',
  'enrol',
  'entries',
  'erase',
  'held',
  'import',
  'lookup',
  'mail',
  'narrative',
  'outcomes',
  'preview',
  'recount',
  'redeliver',
  'result',
  'results',
  'rotate',
  'run',
  'sync',
]);

export interface AuditTarget {
  entity: string;
  entityId: string | null;
}

/**
 * `path` is the route as declared, after /api ("/events/:id/registrations"); `params` its values;
 * `resultId` the id of the answer, if it had one.
 */
export function auditTarget(path: string, params: Record<string, string>, resultId: string | null): AuditTarget {
  const segments = path
    .replace(/^\/?api\//, '')
    .split('/')
    .filter(Boolean);
  if (segments.length === 0) return { entity: 'api', entityId: resultId };
  let end = segments.length;
  while (end > 1 && VERBS.has(segments[end - 1]!)) end--;
  const stripped = end < segments.length;
  const last = segments[end - 1]!;
  if (last.startsWith(':')) {
    // the record is named by the literal before the trailing parameters (`/mail-templates/:kind/:lang`)
    let start = end - 1;
    while (start > 0 && segments[start - 1]!.startsWith(':')) start--;
    const entity = start > 0 ? segments[start - 1]! : 'api';
    const values = segments.slice(start, end).map((s) => params[s.slice(1)]);
    const id = values.every((v) => v !== undefined) ? values.join('/') : null;
    return { entity, entityId: id ?? resultId };
  }
  // a collection: a new record (its id in the answer), or an action on the whole (recount, import)
  const lastParam = [...segments].reverse().find((s) => s.startsWith(':'));
  return {
    entity: last,
    entityId: stripped ? (resultId ?? (lastParam ? (params[lastParam.slice(1)] ?? null) : null)) : resultId,
  };
}

/** The kind of a use-case row ("auth.login_failed" → "auth"). */
export function auditEntityOfAction(action: string): string {
  const route = /^[A-Z]+ (\/\S*)$/.exec(action);
  if (route) return auditTarget(route[1]!, {}, null).entity;
  return action.split('.')[0] ?? action;
}

/**
 * The id(s) of what a write answered: its `id`, or the ids of the records it created in one go
 * (`{registrations:[…]}`, an array), comma-separated, at most 50.
 */
export function resultIdOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const idOf = (v: unknown) =>
    typeof v === 'object' && v !== null && 'id' in v && (v as { id: unknown }).id != null
      ? String((v as { id: unknown }).id)
      : null;
  const own = idOf(result);
  if (own) return own;
  const list = Array.isArray(result)
    ? result
    : Object.values(result as Record<string, unknown>).find((v) => Array.isArray(v) && v.length > 0 && idOf(v[0]));
  if (!Array.isArray(list)) return null;
  const ids = list.map(idOf).filter((x): x is string => x !== null);
  return ids.length ? ids.slice(0, 50).join(',') : null;
}
