/**
 * Shapes of the Events API as the portal reads them (API.md, "Events, registrations, rosters").
 * Kept here until libs/contracts carries them; the fields beyond API.md's table are optional so the
 * pages still render when the API leaves one out.
 */
import type {
  EventAudience,
  EventKind,
  EventStatus,
  LocalizedText,
  RegistrationStatus,
} from '@chamber/contracts';

export interface EventView {
  id: string;
  kind: EventKind;
  title: LocalizedText;
  description?: LocalizedText | null;
  actionItemCode: string;
  startsAt: string;
  endsAt?: string | null;
  venue?: string | null;
  capacity: number;
  audience?: EventAudience;
  status?: EventStatus;
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  invitedCount?: number | null;
  registeredCount: number;
  waitlistCount: number;
  attendedCount?: number;
}

export interface EventWriteRequest {
  kind: EventKind;
  title: { ja: string; en?: string };
  description?: { ja: string; en?: string };
  actionItemCode: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  capacity: number;
  audience: EventAudience;
  registrationOpensAt?: string;
  registrationClosesAt?: string;
  invitedCount?: number;
}

export interface ParticipantInput {
  name: string;
  nameKana: string;
  email: string;
}

export interface RegisterRequest {
  participants: ParticipantInput[];
}

export interface RegistrationResult {
  id: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  name?: string;
  email?: string;
}

export interface RegisterResponse {
  registrations: RegistrationResult[];
}

export interface PublicRegisterRequest extends ParticipantInput {
  school?: string;
  graduationYear?: number;
}

export interface PublicRegisterResponse extends RegistrationResult {
  cancelToken: string;
}

export interface CancelRegistrationResponse {
  status: 'cancelled';
  promotedRegistrationId: string | null;
}

export interface CheckInResponse {
  id?: string;
  status: 'attended';
  checkedInAt: string;
  name?: string;
  eventId?: string;
}

export interface OutcomeView {
  type: string;
  recordedAt?: string;
}

export interface RosterRow {
  id: string;
  name: string;
  nameKana: string;
  email: string;
  company: string | null;
  school?: string | null;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  registeredAt: string;
  checkedInAt: string | null;
  outcomes: (OutcomeView | string)[];
}

/** One of the signed-in member's registrations (GET /api/me/registrations). */
export interface MyRegistration {
  id: string;
  eventId: string;
  name: string;
  nameKana?: string;
  email?: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  registeredAt?: string;
  checkedInAt?: string | null;
  /** data: URL of the QR code image that staff scan at the door */
  qrCode?: string | null;
  event?: Pick<EventView, 'id' | 'kind' | 'title' | 'startsAt'> & Partial<EventView>;
}

export type MailAudience = 'attendees' | 'no_shows';

export interface EventMailRequest {
  audience: MailAudience;
  subject: string;
  body: string;
}

export interface EventMailResponse {
  queued?: number;
  recipients?: number;
  count?: number;
}
