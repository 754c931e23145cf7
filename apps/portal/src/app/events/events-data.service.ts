import { HttpClient, HttpHeaders, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EventKind, PlanView } from '@chamber/contracts';
import type { Observable } from 'rxjs';
import type {
  CancelRegistrationResponse,
  CheckInResponse,
  EventMailRequest,
  EventMailResponse,
  EventView,
  EventWriteRequest,
  MyRegistration,
  PublicRegisterRequest,
  PublicRegisterResponse,
  RegisterRequest,
  RegisterResponse,
  RosterRow,
} from './event-models';

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

  list(query: EventQuery = {}): Observable<EventView[]> {
    const params: Record<string, string> = {};
    if (query.kind) params['kind'] = query.kind;
    if (query.from) params['from'] = query.from;
    if (query.to) params['to'] = query.to;
    return this.http.get<EventView[]>('/api/events', { params });
  }

  get(id: string): Observable<EventView> {
    return this.http.get<EventView>(`/api/events/${encodeURIComponent(id)}`);
  }

  create(body: EventWriteRequest, idempotencyKey?: string): Observable<EventView> {
    return this.http.post<EventView>('/api/events', body, idempotent(idempotencyKey));
  }

  update(id: string, body: Partial<EventWriteRequest>): Observable<EventView> {
    return this.http.patch<EventView>(`/api/events/${encodeURIComponent(id)}`, body);
  }

  cancelEvent(id: string): Observable<EventView> {
    return this.http.post<EventView>(`/api/events/${encodeURIComponent(id)}/cancel`, {});
  }

  register(eventId: string, body: RegisterRequest, idempotencyKey?: string): Observable<RegisterResponse> {
    return this.http.post<RegisterResponse>(
      `/api/events/${encodeURIComponent(eventId)}/registrations`,
      body,
      idempotent(idempotencyKey),
    );
  }

  registerPublic(eventId: string, body: PublicRegisterRequest, idempotencyKey?: string): Observable<PublicRegisterResponse> {
    return this.http.post<PublicRegisterResponse>(
      `/api/public/events/${encodeURIComponent(eventId)}/registrations`,
      body,
      idempotent(idempotencyKey),
    );
  }

  myRegistrations(): Observable<MyRegistration[]> {
    return this.http.get<MyRegistration[]>('/api/me/registrations');
  }

  cancelRegistration(id: string): Observable<CancelRegistrationResponse> {
    return this.http.post<CancelRegistrationResponse>(`/api/registrations/${encodeURIComponent(id)}/cancel`, {});
  }

  cancelByToken(cancelToken: string): Observable<CancelRegistrationResponse> {
    return this.http.post<CancelRegistrationResponse>('/api/public/registrations/cancel', { cancelToken });
  }

  roster(eventId: string, q = ''): Observable<RosterRow[]> {
    const params: Record<string, string> = q.trim() ? { q: q.trim() } : {};
    return this.http.get<RosterRow[]>(`/api/events/${encodeURIComponent(eventId)}/roster`, { params });
  }

  checkIn(registrationId: string): Observable<CheckInResponse> {
    return this.http.post<CheckInResponse>(`/api/registrations/${encodeURIComponent(registrationId)}/check-in`, {});
  }

  /** Check-in by the token of a scanned QR code. */
  checkInByToken(token: string): Observable<CheckInResponse> {
    return this.http.post<CheckInResponse>('/api/check-in', { token });
  }

  addOutcome(registrationId: string, type: string): Observable<unknown> {
    return this.http.post<unknown>(`/api/registrations/${encodeURIComponent(registrationId)}/outcomes`, { type });
  }

  mail(eventId: string, body: EventMailRequest): Observable<EventMailResponse> {
    return this.http.post<EventMailResponse>(`/api/events/${encodeURIComponent(eventId)}/mail`, body);
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

  rosterCsvUrl(eventId: string, encoding: 'utf8' | 'sjis'): string {
    return `/api/events/${encodeURIComponent(eventId)}/roster.csv?encoding=${encoding}`;
  }

  rosterXlsxUrl(eventId: string): string {
    return `/api/events/${encodeURIComponent(eventId)}/roster.xlsx`;
  }

  certificateUrl(registrationId: string): string {
    return `/api/registrations/${encodeURIComponent(registrationId)}/certificate.pdf`;
  }
}
