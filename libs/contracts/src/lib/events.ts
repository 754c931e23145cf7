import type { LocalizedText } from './common';

export const EVENT_KINDS = [
  'seminar',
  'training',
  'job_fair',
  'business_matching',
  'member_gathering',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_AUDIENCES = ['members', 'public', 'students'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];

export const EVENT_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled', 'attended'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Where a registration came from: a member's account, the public form, or staff on someone's behalf. */
export const REGISTRATION_SOURCES = ['member', 'public', 'staff'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];

/** Outcomes staff record on attended registrations; each feeds the measure `outcome:<type>`. */
export const OUTCOME_TYPES = ['job_offer', 'interview', 'business_deal', 'follow_up_meeting', 'consultation'] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/** Which outcomes each kind of event allows (`job_offer` only at job fairs). */
export const OUTCOME_TYPES_BY_KIND: Readonly<Record<EventKind, readonly OutcomeType[]>> = {
  job_fair: ['job_offer', 'interview'],
  business_matching: ['business_deal', 'follow_up_meeting'],
  seminar: ['consultation'],
  training: ['consultation'],
  member_gathering: [],
  other: ['consultation'],
};

export const FOLLOW_UP_AUDIENCES = ['attendees', 'no_shows'] as const;
export type FollowUpAudience = (typeof FOLLOW_UP_AUDIENCES)[number];

export const ROSTER_CSV_ENCODINGS = ['utf8', 'sjis'] as const;
export type RosterCsvEncoding = (typeof ROSTER_CSV_ENCODINGS)[number];

/** POST /api/events (staff). Times are ISO-8601 instants; the portal sends them with +09:00. */
export interface CreateEventRequest {
  kind: EventKind;
  title: { ja: string; en?: string };
  description?: { ja?: string; en?: string };
  /** the action item it serves (A1-1 …): its counters move */
  actionItemCode: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  capacity: number;
  audience: EventAudience;
  registrationOpensAt?: string | null;
  /** default: the end of the event */
  registrationClosesAt?: string | null;
  /** member gatherings only: invitations sent (feeds the measure `invited`) */
  invitedCount?: number | null;
}

/** PATCH /api/events/:id (staff): any field of the creation; raising capacity promotes waitlisted. */
export interface UpdateEventRequest {
  kind?: EventKind;
  title?: { ja?: string; en?: string };
  description?: { ja?: string; en?: string };
  actionItemCode?: string;
  startsAt?: string;
  endsAt?: string;
  venue?: string;
  capacity?: number;
  audience?: EventAudience;
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  invitedCount?: number | null;
}

/** GET /api/events query: kind, and a window of start dates (YYYY-MM-DD in Asia/Tokyo, or ISO instants). */
export interface EventListQuery {
  kind?: EventKind;
  from?: string;
  to?: string;
  audience?: EventAudience;
  status?: EventStatus;
}

/** One event in lists: the counts come from the event's seat row, never from a scan. */
export interface EventSummary {
  id: string;
  kind: EventKind;
  title: LocalizedText;
  startsAt: string;
  endsAt: string;
  venue: string;
  capacity: number;
  /** registered + attended (seats held) */
  registeredCount: number;
  waitlistCount: number;
  remainingSeats: number;
  actionItemCode: string;
  audience: EventAudience;
  status: EventStatus;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  /** whether a registration would be accepted now (window open, not cancelled) */
  registrationOpen: boolean;
  invitedCount: number | null;
}

export interface EventDetail extends EventSummary {
  description: LocalizedText;
  /** fiscal year of the start (Asia/Tokyo): the year its counters move in */
  fiscalYear: number;
  heldAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * GET /api/events/:id only: the absolute address (PUBLIC_BASE_URL) of the public sign-up page of a
   * students' or public event, to share with schools; null for members-only events.
   */
  signupUrl?: string | null;
}

/** POST /api/events/:id/cancel (staff). */
export interface CancelEventRequest {
  reason?: string;
}

export interface CancelEventResponse {
  id: string;
  status: 'cancelled';
  /** registrations (registered and waitlisted) cancelled with the event */
  cancelledRegistrations: number;
  /** mails queued to registrants */
  notified: number;
}

export interface ParticipantInput {
  name: string;
  /** katakana; hiragana and half-width accepted and converted */
  nameKana: string;
  email: string;
}

/** POST /api/events/:id/registrations (member: self only; member_admin: the company's employees; staff). */
export interface RegisterParticipantsRequest {
  participants: ParticipantInput[];
  /** staff only: the member company the participants belong to */
  memberId?: string;
}

export interface RegistrationResult {
  id: string;
  status: 'registered' | 'waitlisted';
  /** 1-based place in the waitlist (null when registered) */
  waitlistPosition: number | null;
  name: string;
  email: string;
}

export interface RegisterParticipantsResponse {
  registrations: RegistrationResult[];
}

/** POST /api/public/events/:id/registrations (students and the public; no account). */
export interface PublicRegistrationRequest {
  name: string;
  nameKana: string;
  email: string;
  school?: string;
  graduationYear?: number;
  /**
   * The person agreed to the chamber's handling of their personal data (個人情報の取扱い). The portal
   * always sends `true`; `false` is refused (400 naming `consent`); left out, the sign-up is taken as
   * before (clients of API v2 that show their own notice).
   */
  consent?: boolean;
}

export interface PublicRegistrationResponse {
  id: string;
  status: 'registered' | 'waitlisted';
  waitlistPosition: number | null;
  /** keep it: it cancels this registration (also sent by mail) */
  cancelToken: string;
  /** check-in QR code as a PNG data URL (registered only) */
  qrCode: string | null;
  event: { id: string; title: LocalizedText; startsAt: string; venue: string };
}

/** POST /api/registrations/:id/cancel and POST /api/public/registrations/cancel. */
export interface CancelRegistrationResponse {
  id: string;
  status: 'cancelled';
  /** the first waitlisted registration, promoted into the freed seat */
  promotedRegistrationId: string | null;
}

export interface PublicCancelRequest {
  cancelToken: string;
  /** optional: the registration the token must belong to (403 otherwise) */
  registrationId?: string;
}

/** POST /api/public/registrations/lookup: what a cancel link shows before cancelling. */
export interface PublicLookupRequest {
  cancelToken: string;
}

/** POST /api/registrations/:id/check-in and POST /api/check-in (staff). */
export interface CheckInResponse {
  id: string;
  status: 'attended';
  checkedInAt: string;
  /** true when this registration had already been checked in (nothing counted again) */
  alreadyCheckedIn: boolean;
  name: string;
  nameKana: string;
  eventId: string;
  /** true when this check-in was the event's first and marked it held */
  eventMarkedHeld: boolean;
}

/** POST /api/check-in: the text read from a registration's QR code. */
export interface CheckInByTokenRequest {
  token: string;
  /** the event being run: a ticket for another event is refused (409) */
  eventId?: string;
}

/** POST /api/registrations/:id/outcomes (staff). */
export interface RecordOutcomeRequest {
  type: OutcomeType;
  note?: string;
}

export interface OutcomeView {
  id: string;
  registrationId: string;
  type: OutcomeType;
  note: string | null;
  recordedAt: string;
}

/** GET /api/events/:id/roster (staff) — also ?q= (name or kana, kana/width-insensitive) and ?status=. */
export interface RosterEntry {
  id: string;
  name: string;
  nameKana: string;
  email: string;
  /** the member company's name, if any */
  company: string | null;
  memberId: string | null;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  registeredAt: string;
  checkedInAt: string | null;
  cancelledAt: string | null;
  outcomes: OutcomeType[];
  school: string | null;
  graduationYear: number | null;
  source: RegistrationSource;
}

export interface RosterQuery {
  q?: string;
  status?: RegistrationStatus;
}

/** GET /api/me/registrations and GET /api/registrations/:id. */
export interface RegistrationView {
  id: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  name: string;
  nameKana: string;
  email: string;
  company: string | null;
  registeredAt: string;
  checkedInAt: string | null;
  cancelledAt: string | null;
  event: {
    id: string;
    kind: EventKind;
    title: LocalizedText;
    startsAt: string;
    endsAt: string;
    venue: string;
    status: EventStatus;
  };
  /** check-in QR code as a PNG data URL (registered or attended) */
  qrCode: string | null;
  /** the text the QR code holds */
  checkInToken: string | null;
  outcomes: OutcomeType[];
  canCancel: boolean;
  /** a training's certificate of attendance (GET /api/registrations/:id/certificate.pdf) */
  certificateAvailable: boolean;
}

/** POST /api/events/:id/mail (staff). */
export interface FollowUpMailRequest {
  audience: FollowUpAudience;
  subject: string;
  body: string;
}

export interface FollowUpMailResponse {
  audience: FollowUpAudience;
  queued: number;
}

/** The portal page a mailed self-cancel link opens: `<PUBLIC_BASE_URL>/public/cancel?token=<cancelToken>`. */
export const PUBLIC_CANCEL_PAGE_PATH = '/public/cancel';

/** What one item of an offline check-in sync came to. */
export const CHECK_IN_SYNC_OUTCOMES = ['checked_in', 'already_checked_in', 'not_registered', 'unknown'] as const;
export type CheckInSyncOutcome = (typeof CHECK_IN_SYNC_OUTCOMES)[number];

/** POST /api/events/:id/check-ins/sync: at most this many items a request. */
export const CHECK_IN_SYNC_MAX_ITEMS = 500;

/** GET /api/events/:id/check-in-roster (staff): what a device needs to check people in offline. */
export interface CheckInRoster {
  eventId: string;
  /** when the server read the roster: the device shows its age */
  syncedAt: string;
  entries: CheckInRosterEntry[];
}

export interface CheckInRosterEntry {
  registrationId: string;
  name: string;
  nameKana: string;
  /** the member company's name, if any */
  company: string | null;
  status: RegistrationStatus;
  checkedInAt: string | null;
  /** SHA-256 hex of the QR token: the device checks a scanned token against it, never holding tokens */
  tokenHash: string;
}

/** One check-in made on a device (offline or not): by the QR token read or by the registration. */
export interface CheckInSyncItem {
  /** made on the device (crypto.randomUUID); the same id sent again answers the same result */
  clientId: string;
  token?: string;
  registrationId?: string;
  /** when the device scanned it (ISO 8601) */
  scannedAt: string;
}

export interface CheckInSyncRequest {
  /** the device's own id, kept with each check-in it made first */
  deviceId: string;
  items: CheckInSyncItem[];
}

export interface CheckInSyncResult {
  clientId: string;
  outcome: CheckInSyncOutcome;
  /** null for `unknown` */
  registrationId: string | null;
  /** the person's check-in time (the earliest scan); null unless checked in */
  checkedInAt: string | null;
  /** the device of the check-in kept (null: checked in online at the desk); null unless checked in */
  firstDeviceId: string | null;
}

export interface CheckInSyncResponse {
  results: CheckInSyncResult[];
}
