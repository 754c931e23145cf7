import type { ApiTokenScope } from '@chamber/contracts';

/**
 * The routes an API token may call, by scope ("METHOD path" as the router has it). A route not
 * listed is refused to every token (403), whatever its scopes: a token reads, and with
 * registrations:write registers, cancels and checks in; it never administers.
 */
export const ROUTE_SCOPES: Record<string, ApiTokenScope> = {
  'GET /api/events': 'events:read',
  'GET /api/events/:id': 'events:read',
  'GET /api/events/:id.ics': 'events:read',
  'GET /api/events/:id/roster': 'registrations:read',
  'GET /api/events/:id/roster.csv': 'registrations:read',
  'GET /api/registrations/:id': 'registrations:read',
  'POST /api/events/:id/registrations': 'registrations:write',
  'POST /api/registrations/:id/cancel': 'registrations:write',
  'POST /api/registrations/:id/check-in': 'registrations:write',
  'POST /api/registrations/:id/outcomes': 'registrations:write',
  'GET /api/members': 'members:read',
  'GET /api/members.csv': 'members:read',
  'GET /api/members/:id': 'members:read',
  'GET /api/members/:id/people': 'members:read',
  'GET /api/exam-types': 'exams:read',
  'GET /api/exams': 'exams:read',
  'GET /api/exams/:id': 'exams:read',
  'GET /api/exams/:id/applications': 'exams:read',
  'GET /api/exam-applications': 'exams:read',
  'GET /api/plan': 'kpis:read',
  'GET /api/plans': 'kpis:read',
  'GET /api/kpis': 'kpis:read',
  'GET /api/kpis/counters': 'kpis:read',
  'GET /api/kpis/:id/history': 'kpis:read',
  'GET /api/suggestions': 'suggestions:read',
  'GET /api/suggestions/stats': 'suggestions:read',
  'GET /api/suggestions/:id': 'suggestions:read',
};

/** The scope a route needs, or null when no token may call it. */
export function scopeOf(method: string, routePath: string): ApiTokenScope | null {
  return ROUTE_SCOPES[`${method.toUpperCase()} ${routePath}`] ?? null;
}
