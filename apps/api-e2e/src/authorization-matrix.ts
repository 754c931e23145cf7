/**
 * Who may call each route of the API. Every route of the OpenAPI document needs a row: a route
 * without one fails the authorization test. Values:
 * - 'public': anyone, signed in or not;
 * - 'signed-in': every role;
 * - a list of roles: only those (others get 403, anonymous 401).
 * `member_admin_other` is the member_admin of another company: it may call member routes, and
 * ownership checks on real ids are proved in the domain specs.
 */
export type Caller = 'anonymous' | 'member' | 'member_admin' | 'member_admin_other' | 'staff' | 'manager' | 'admin';
export type Access = 'public' | 'signed-in' | readonly Caller[];

const CHAMBER = ['staff', 'manager', 'admin'] as const;
const STAFF = ['staff', 'admin'] as const;
const MEMBERS = ['member', 'member_admin', 'member_admin_other'] as const;

export const AUTHORIZATION: Record<string, Access> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': 'signed-in',
  'GET /api/health': 'public',
  'GET /api/health/ready': 'public',
  'GET /api/plans': 'signed-in',
  'POST /api/plans/{id}/continue': ['admin'],
  'GET /api/plan': 'signed-in',
  'GET /api/kpis': CHAMBER,
  'GET /api/kpis/stream': CHAMBER,
  'POST /api/kpis/{id}/entries': STAFF,
  'POST /api/kpis/recount': ['admin'],
  'PATCH /api/kpis/{id}': STAFF,
  'POST /api/plans/{id}/kpis': STAFF,
  'POST /api/suggestions': MEMBERS,
  'GET /api/suggestions': 'signed-in',
  'GET /api/suggestions.csv': CHAMBER,
  'GET /api/suggestions/public': 'signed-in',
  'GET /api/suggestions/stats': CHAMBER,
  'GET /api/suggestions/assignees': CHAMBER,
  'GET /api/suggestions/{id}': 'signed-in',
  'PATCH /api/suggestions/{id}': STAFF,
  'POST /api/suggestions/{id}/answer': STAFF,
  'GET /api/mails': STAFF,
  'GET /api/jobs': STAFF,
  'POST /api/reminders/run': ['admin'],
};

export const GROUPS = { CHAMBER, STAFF, MEMBERS };
