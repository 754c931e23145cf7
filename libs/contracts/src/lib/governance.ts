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

/** The mails staff may reword: subject and body, per language; the greeting, facts and links stay. */
export const MAIL_TEMPLATE_KINDS = [
  'registration_confirmed',
  'registration_waitlisted',
  'registration_promoted',
  'event_reminder',
  'registration_cancelled',
] as const;
export type MailTemplateKind = (typeof MAIL_TEMPLATE_KINDS)[number];

/** The variables each kind may use (`{{ name }}`). */
export const MAIL_TEMPLATE_VARIABLES: Record<MailTemplateKind, readonly string[]> = {
  registration_confirmed: ['name', 'eventTitle', 'when', 'venue', 'cancelUrl'],
  registration_waitlisted: ['name', 'eventTitle', 'when', 'venue', 'waitlistPosition', 'cancelUrl'],
  registration_promoted: ['name', 'eventTitle', 'when', 'venue', 'cancelUrl'],
  event_reminder: ['name', 'eventTitle', 'when', 'venue'],
  registration_cancelled: ['name', 'eventTitle', 'when', 'venue'],
};

export const MAIL_TEMPLATE_SUBJECT_MAX = 200;
export const MAIL_TEMPLATE_BODY_MAX = 5000;

/** GET /api/mail-templates/:kind/:lang */
export interface MailTemplateView {
  kind: MailTemplateKind;
  lang: 'ja' | 'en';
  subject: string;
  /** paragraphs separated by an empty line */
  body: string;
  variables: readonly string[];
  /** false: the default text (no stored template) */
  custom: boolean;
  defaultSubject: string;
  defaultBody: string;
  updatedAt: string | null;
}

export interface UpdateMailTemplateRequest {
  subject: string;
  body: string;
}

/** POST /api/mail-templates/:kind/:lang/preview: the text given (or the stored one) with a real registration. */
export interface MailTemplatePreviewRequest {
  subject?: string;
  body?: string;
  /** a registration to fill the variables with; by default the latest one */
  registrationId?: string;
}

export interface MailTemplatePreview {
  registrationId: string;
  subject: string;
  text: string;
  html: string | null;
}
