/** Data governance: the audit trail viewer, personal data on request, editable mail templates. */

/** One row of the audit trail: who did what, when, to which record. */
export interface AuditEntryView {
  id: string;
  /** ISO instant */
  at: string;
  actorId: string | null;
  /** the actor's display name, when the actor is an account */
  actorName: string | null;
  actorRole: string;
  /** "POST /api/events/:id/registrations" or a use case ("auth.login_failed") */
  action: string;
  /** the kind of record: "registrations", "members", "auth" … */
  entity: string | null;
  entityId: string | null;
  statusCode: number;
  /** one line for people; never personal data */
  summary: string;
}

export interface AuditQuery {
  /** YYYY-MM-DD (Asia/Tokyo, inclusive) or an ISO instant */
  from?: string;
  to?: string;
  actorId?: string;
  entity?: string;
  format?: 'json' | 'csv';
  encoding?: 'utf8' | 'sjis';
  page?: number;
  pageSize?: number;
}

/** The page size of the audit viewer by default, and at most (CSV: every matching row up to AUDIT_CSV_MAX). */
export const AUDIT_PAGE_SIZE = 100;
export const AUDIT_PAGE_SIZE_MAX = 500;
export const AUDIT_CSV_MAX = 50_000;

/** GET /api/personal-data?email=: everything held about one email, record by record (rows as stored). */
export interface PersonalDataExport {
  email: string;
  generatedAt: string;
  account: Record<string, unknown> | null;
  registrations: Record<string, unknown>[];
  examApplications: Record<string, unknown>[];
  people: Record<string, unknown>[];
  invitations: Record<string, unknown>[];
  /** consultation records whose summary names the person */
  consultations: Record<string, unknown>[];
  /** suggestions posted under their account with their name (never anonymous ones) */
  suggestions: Record<string, unknown>[];
  /** mails to that address (kind, subject, status; bodies are rendered at sending) */
  mails: Record<string, unknown>[];
  /** member companies whose contact email it is */
  memberContacts: Record<string, unknown>[];
}

export interface ErasePersonalDataRequest {
  email: string;
}

/** POST /api/personal-data/erase: how many records of each kind were overwritten. */
export interface ErasePersonalDataResponse {
  erased: Record<string, number>;
}
