import { HttpClient, HttpHeaders, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CancelEventResponse,
  CancelRegistrationResponse,
  CheckInResponse,
  CheckInRoster,
  CheckInSyncRequest,
  CheckInSyncResponse,
  CreateEventRequest,
  EventDetail,
  EventKind,
  EventSummary,
  FollowUpMailRequest,
  FollowUpMailResponse,
  OutcomeType,
  OutcomeView,
  PlanView,
  PublicRegistrationRequest,
  PublicRegistrationResponse,
  RegisterParticipantsRequest,
  RegisterParticipantsResponse,
  RegistrationStatus,
  RegistrationView,
  RosterEntry,
  RosterCsvEncoding,
  UpdateEventRequest,
} from '@chamber/contracts';
import type { Observable } from 'rxjs';

export interface EventQuery {
  kind?: EventKind | null;
  from?: string;
  to?: string;
}

function idempotent(key: string | undefined): { headers?: HttpHeaders } {
  return key ? { headers: new HttpHeaders({ 'Idempotency-Key': key }) } : {};
}

/** Every call of the events feature (same-origin `/api`, the session cookie authenticates). */
@Injectable({ providedIn: 'root' })
export class EventsDataService {
  private readonly http = inject(HttpClient);

  list(query: EventQuery = {}): Observable<EventSummary[]> {
    const params: Record<string, string> = {};
    if (query.kind) params['kind'] = query.kind;
    if (query.from) params['from'] = query.from;
    if (query.to) params['to'] = query.to;
    return this.http.get<EventSummary[]>('/api/events', { params });
  }

  get(id: string): Observable<EventDetail> {
    return this.http.get<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
  }

  create(body: CreateEventRequest, idempotencyKey?: string): Observable<EventDetail> {
    return this.http.post<EventDetail>('/api/events', body, idempotent(idempotencyKey));
  }

  update(id: string, body: UpdateEventRequest): Observable<EventDetail> {
    return this.http.patch<EventDetail>(`/api/events/${encodeURIComponent(id)}`, body);
  }

  cancelEvent(id: string): Observable<CancelEventResponse> {
    return this.http.post<CancelEventResponse>(`/api/events/${encodeURIComponent(id)}/cancel`, {});
  }

  /** Staff mark an event held without a check-in (it then counts once toward `events_held`). */
  markHeld(id: string): Observable<EventDetail> {
    return this.http.post<EventDetail>(`/api/events/${encodeURIComponent(id)}/held`, {});
  }

  register(
    eventId: string,
    body: RegisterParticipantsRequest,
    idempotencyKey?: string,
  ): Observable<RegisterParticipantsResponse> {
    return this.http.post<RegisterParticipantsResponse>(
      `/api/events/${encodeURIComponent(eventId)}/registrations`,
      body,
      idempotent(idempotencyKey),
    );
  }

  registerPublic(
    eventId: string,
    body: PublicRegistrationRequest,
    idempotencyKey?: string,
  ): Observable<PublicRegistrationResponse> {
    return this.http.post<PublicRegistrationResponse>(
      `/api/public/events/${encodeURIComponent(eventId)}/registrations`,
      body,
      idempotent(idempotencyKey),
    );
  }

  /** Own registrations; `company`: a member_admin's view of every employee's. */
  myRegistrations(scope: 'own' | 'company' = 'own'): Observable<RegistrationView[]> {
    return this.http.get<RegistrationView[]>('/api/me/registrations', { params: { scope } });
  }

  cancelRegistration(id: string): Observable<CancelRegistrationResponse> {
    return this.http.post<CancelRegistrationResponse>(`/api/registrations/${encodeURIComponent(id)}/cancel`, {});
  }

  cancelByToken(cancelToken: string): Observable<CancelRegistrationResponse> {
    return this.http.post<CancelRegistrationResponse>('/api/public/registrations/cancel', { cancelToken });
  }

  /** What a public cancel link stands for, shown before cancelling. */
  lookupByToken<T>(cancelToken: string): Observable<T> {
    return this.http.post<T>('/api/public/registrations/lookup', { cancelToken });
  }

  roster(eventId: string, q = '', status: RegistrationStatus | null = null): Observable<RosterEntry[]> {
    const params: Record<string, string> = {};
    if (q.trim()) params['q'] = q.trim();
    if (status) params['status'] = status;
    return this.http.get<RosterEntry[]>(`/api/events/${encodeURIComponent(eventId)}/roster`, { params });
  }

  /** `early`: staff confirmed a check-in before the event's day (otherwise 409 not_yet). */
  checkIn(registrationId: string, early = false): Observable<CheckInResponse> {
    return this.http.post<CheckInResponse>(
      `/api/registrations/${encodeURIComponent(registrationId)}/check-in${early ? '?early=true' : ''}`,
      {},
    );
  }

  /** Check-in by the text of a scanned QR code (with the event being run: another event's ticket is refused). */
  checkInByToken(token: string, eventId?: string): Observable<CheckInResponse> {
    return this.http.post<CheckInResponse>('/api/check-in', eventId ? { token, eventId } : { token });
  }

  /** The roster a device keeps for checking people in offline (staff). */
  checkInRoster(eventId: string): Observable<CheckInRoster> {
    return this.http.get<CheckInRoster>(`/api/events/${encodeURIComponent(eventId)}/check-in-roster`);
  }

  /** Sends check-ins made on a device; `early` confirms a check-in before the event's day. */
  syncCheckIns(eventId: string, body: CheckInSyncRequest, early = false): Observable<CheckInSyncResponse> {
    const query = early ? '?early=true' : '';
    return this.http.post<CheckInSyncResponse>(
      `/api/events/${encodeURIComponent(eventId)}/check-ins/sync${query}`,
      body,
    );
  }

  addOutcome(registrationId: string, type: OutcomeType): Observable<OutcomeView> {
    return this.http.post<OutcomeView>(`/api/registrations/${encodeURIComponent(registrationId)}/outcomes`, { type });
  }

  mail(eventId: string, body: FollowUpMailRequest): Observable<FollowUpMailResponse> {
    return this.http.post<FollowUpMailResponse>(`/api/events/${encodeURIComponent(eventId)}/mail`, body);
  }

  /** The plan in force, for the action-item select. */
  plan(): Observable<PlanView> {
    return this.http.get<PlanView>('/api/plan');
  }

  /** A file answer (roster CSV/Excel, certificate) with its headers, saved by the caller. */
  download(url: string): Observable<HttpResponse<Blob>> {
    return this.http.get(url, { observe: 'response', responseType: 'blob' });
  }

  icsUrl(eventId: string): string {
    return `/api/events/${encodeURIComponent(eventId)}.ics`;
  }

  rosterCsvUrl(eventId: string, encoding: RosterCsvEncoding): string {
    return `/api/events/${encodeURIComponent(eventId)}/roster.csv?encoding=${encoding}`;
  }

  rosterXlsxUrl(eventId: string): string {
    return `/api/events/${encodeURIComponent(eventId)}/roster.xlsx`;
  }

  /** 名札: A4 PDF of name badges */
  badgesUrl(eventId: string): string {
    return `/api/events/${encodeURIComponent(eventId)}/badges.pdf`;
  }

  certificateUrl(registrationId: string): string {
    return `/api/registrations/${encodeURIComponent(registrationId)}/certificate.pdf`;
  }
}
