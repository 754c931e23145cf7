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
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'POST /api/auth/totp/enrol': STAFF,
  'POST /api/auth/totp/confirm': STAFF,
  'GET /api/users': ['admin'],
  // staff and member_admin are allowed past the guards: whose account it is decides (403/404 in the service)
  'POST /api/users/{id}/deactivate': ['admin', 'staff', 'member_admin', 'member_admin_other'],
  'GET /api/health': 'public',
  'GET /api/health/ready': 'public',
  // calendars
  'GET /api/calendar/public.ics': 'public',
  'GET /api/calendar/feeds/{token}.ics': 'public',
  'GET /api/me/calendar': 'signed-in',
  'POST /api/me/calendar/rotate': 'signed-in',
  // the chamber's identity
  'GET /api/chamber': 'public',
  'PATCH /api/chamber': ['admin'],
  'GET /api/chamber/logo': 'public',
  'GET /api/chamber/seal': STAFF,
  'PUT /api/chamber/{kind}': ['admin'],
  'DELETE /api/chamber/{kind}': ['admin'],
  'GET /api/plans': 'signed-in',
  'POST /api/plans/{id}/continue': ['admin'],
  'GET /api/plan': 'signed-in',
  'GET /api/kpis': CHAMBER,
  'GET /api/kpis/stream': CHAMBER,
  'GET /api/kpis/counters': CHAMBER,
  'POST /api/kpis/{id}/entries': STAFF,
  'POST /api/kpis/recount': ['admin'],
  'PATCH /api/kpis/{id}': STAFF,
  'POST /api/plans/{id}/kpis': STAFF,
  // the annual report (事業報告) and KPI history
  'GET /api/kpis/{id}/history': CHAMBER,
  'GET /api/reports/annual': CHAMBER,
  'GET /api/reports/annual.xlsx': CHAMBER,
  'GET /api/reports/annual.pdf': CHAMBER,
  'PUT /api/reports/annual/{fiscalYear}/items/{code}/narrative': STAFF,
  'GET /api/reports/annual/{fiscalYear}/items/{code}/narrative/history': CHAMBER,
  // data governance
  'GET /api/audit': ['admin', 'manager'],
  'POST /api/suggestions': MEMBERS,
  'GET /api/suggestions': 'signed-in',
  'GET /api/suggestions.csv': CHAMBER,
  'GET /api/suggestions/public': 'signed-in',
  // the receipt is the credential of an anonymous poster: no account needed
  'GET /api/suggestions/receipts/{receipt}': 'public',
  'GET /api/suggestions/stats': CHAMBER,
  'GET /api/suggestions/assignees': CHAMBER,
  'GET /api/suggestions/{id}': 'signed-in',
  'PATCH /api/suggestions/{id}': STAFF,
  'POST /api/suggestions/{id}/answer': STAFF,
  'GET /api/mails': STAFF,
  'GET /api/jobs': STAFF,
  'POST /api/reminders/run': ['admin'],
  // events and registrations
  'POST /api/events': STAFF,
  'GET /api/events': 'public',
  'GET /api/events/{id}.ics': 'public',
  'GET /api/events/{id}': 'public',
  'PATCH /api/events/{id}': STAFF,
  'POST /api/events/{id}/cancel': STAFF,
  'POST /api/events/{id}/held': STAFF,
  'POST /api/events/{id}/registrations': ['member', 'member_admin', 'member_admin_other', 'staff', 'admin'],
  'GET /api/events/{id}/roster': CHAMBER,
  'GET /api/events/{id}/roster.csv': CHAMBER,
  'GET /api/events/{id}/roster.xlsx': CHAMBER,
  'GET /api/events/{id}/badges.pdf': CHAMBER,
  'POST /api/events/{id}/mail': STAFF,
  'GET /api/me/registrations': 'signed-in',
  'GET /api/registrations/{id}': 'signed-in',
  'POST /api/registrations/{id}/cancel': 'signed-in',
  'POST /api/registrations/{id}/check-in': STAFF,
  'POST /api/check-in': STAFF,
  'GET /api/events/{id}/check-in-roster': STAFF,
  'POST /api/events/{id}/check-ins/sync': STAFF,
  'POST /api/registrations/{id}/outcomes': STAFF,
  'DELETE /api/registrations/{id}/outcomes/{type}': STAFF,
  'GET /api/registrations/{id}/certificate.pdf': 'signed-in',
  'POST /api/public/events/{id}/registrations': 'public',
  'POST /api/public/registrations/cancel': 'public',
  'POST /api/public/registrations/lookup': 'public',
  // exams
  'GET /api/exam-types': 'public',
  'GET /api/exams': 'public',
  'POST /api/exams': STAFF,
  'GET /api/exams/stats': CHAMBER,
  'GET /api/exams/{id}': 'public',
  'PATCH /api/exams/{id}': STAFF,
  'POST /api/exams/{id}/applications': 'public',
  'GET /api/exams/{id}/applications': CHAMBER,
  'GET /api/exams/{id}/applications.csv': CHAMBER,
  'GET /api/exams/{id}/applications.xlsx': CHAMBER,
  'POST /api/exams/{id}/results/import': STAFF,
  'GET /api/exam-applications': 'signed-in',
  'POST /api/exam-applications/{id}/cancel': 'signed-in',
  'PATCH /api/exam-applications/{id}': STAFF,
  'POST /api/exam-applications/{id}/result': STAFF,
  'POST /api/public/exams/{id}/applications': 'public',
  'POST /api/public/exam-applications/cancel': 'public',
  // members and CRM ({id} of /members is the demo company: its own people may read it)
  'GET /api/members': CHAMBER,
  'POST /api/members': STAFF,
  'GET /api/members.csv': CHAMBER,
  'GET /api/members/inactive': CHAMBER,
  'POST /api/members/import': STAFF,
  'GET /api/members/{id}': ['member', 'member_admin', 'staff', 'manager', 'admin'],
  'PATCH /api/members/{id}': ['member_admin', 'staff', 'admin'],
  'GET /api/members/{id}/activity': CHAMBER,
  'GET /api/members/{id}/people': ['member', 'member_admin', 'staff', 'manager', 'admin'],
  'POST /api/members/{id}/people': ['member_admin', 'staff', 'admin'],
  'PATCH /api/members/{id}/people/{personId}': ['member_admin', 'staff', 'admin'],
  'DELETE /api/members/{id}/people/{personId}': ['member_admin', 'staff', 'admin'],
  'POST /api/members/{id}/invitations': ['member_admin', 'staff', 'admin'],
  'GET /api/members/{id}/invitations': ['member_admin', 'staff', 'admin'],
  'DELETE /api/members/{id}/invitations/{invitationId}': ['member_admin', 'staff', 'admin'],
  'GET /api/public/invitations/{token}': 'public',
  'POST /api/public/invitations/{token}/accept': 'public',
  'POST /api/members/{id}/consultations': STAFF,
  'GET /api/members/{id}/consultations': CHAMBER,
  'POST /api/members/{id}/visits': STAFF,
  'GET /api/members/{id}/visits': CHAMBER,
  'GET /api/consultations': CHAMBER,
  'GET /api/visits': CHAMBER,
  'DELETE /api/consultations/{consultationId}': STAFF,
  'DELETE /api/visits/{visitId}': STAFF,
};

export const GROUPS = { CHAMBER, STAFF, MEMBERS };
