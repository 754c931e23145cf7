import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptInvitationRequest,
  AcceptInvitationResponse,
  Consultation,
  ConsultationKind,
  ConsultationRequest,
  CreateMemberRequest,
  ExamType,
  ImportResult,
  InactiveMembersPage,
  Invitation,
  InvitationInfo,
  InvitationRequest,
  MemberActivity,
  MemberDetail,
  MemberPerson,
  MemberProfile,
  MemberSearchQuery,
  MemberSummary,
  Page,
  PersonRequest,
  UpdateMemberRequest,
  Visit,
  VisitRequest,
} from '@chamber/contracts';
import type { Observable } from 'rxjs';

/** Query parameters without the empty ones. */
export function queryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}

const base = (id: string) => `/api/members/${encodeURIComponent(id)}`;

/** The members API: companies, people, invitations, consultations, visits, import and export. */
@Injectable({ providedIn: 'root' })
export class MembersDataService {
  private readonly http = inject(HttpClient);

  search(query: MemberSearchQuery): Observable<Page<MemberSummary>> {
    return this.http.get<Page<MemberSummary>>('/api/members', { params: queryParams(query) });
  }

  /** A download link (the cookie authenticates it). */
  csvUrl(query: { q?: string; status?: string; encoding?: 'utf8' | 'sjis' }): string {
    const params = queryParams(query).toString();
    return `/api/members.csv${params ? `?${params}` : ''}`;
  }

  inactive(query: {
    fiscalYear?: number;
    page?: number;
    pageSize?: number;
    ward?: string;
  }): Observable<InactiveMembersPage> {
    return this.http.get<InactiveMembersPage>('/api/members/inactive', { params: queryParams(query) });
  }

  get(id: string): Observable<MemberDetail> {
    return this.http.get<MemberDetail>(base(id));
  }

  activity(id: string): Observable<MemberActivity> {
    return this.http.get<MemberActivity>(`${base(id)}/activity`);
  }

  /** The exam catalogue (names of exams and grades in both languages) for the activity table. */
  examTypes(): Observable<ExamType[]> {
    return this.http.get<ExamType[]>('/api/exam-types');
  }

  create(body: CreateMemberRequest): Observable<MemberProfile> {
    return this.http.post<MemberProfile>('/api/members', body);
  }

  update(id: string, body: UpdateMemberRequest): Observable<MemberProfile> {
    return this.http.patch<MemberProfile>(base(id), body);
  }

  addPerson(id: string, body: PersonRequest): Observable<MemberPerson> {
    return this.http.post<MemberPerson>(`${base(id)}/people`, body);
  }

  updatePerson(id: string, personId: string, body: Partial<PersonRequest>): Observable<MemberPerson> {
    return this.http.patch<MemberPerson>(`${base(id)}/people/${encodeURIComponent(personId)}`, body);
  }

  removePerson(id: string, personId: string): Observable<void> {
    return this.http.delete<void>(`${base(id)}/people/${encodeURIComponent(personId)}`);
  }

  invitations(id: string): Observable<Invitation[]> {
    return this.http.get<Invitation[]>(`${base(id)}/invitations`);
  }

  invite(id: string, body: InvitationRequest): Observable<Invitation> {
    return this.http.post<Invitation>(`${base(id)}/invitations`, body);
  }

  revokeInvitation(id: string, invitationId: string): Observable<void> {
    return this.http.delete<void>(`${base(id)}/invitations/${encodeURIComponent(invitationId)}`);
  }

  invitationInfo(token: string): Observable<InvitationInfo> {
    return this.http.get<InvitationInfo>(`/api/public/invitations/${encodeURIComponent(token)}`);
  }

  acceptInvitation(token: string, body: AcceptInvitationRequest): Observable<AcceptInvitationResponse> {
    return this.http.post<AcceptInvitationResponse>(
      `/api/public/invitations/${encodeURIComponent(token)}/accept`,
      body,
    );
  }

  addConsultation(id: string, body: ConsultationRequest): Observable<Consultation> {
    return this.http.post<Consultation>(`${base(id)}/consultations`, body);
  }

  /** A log entry made by mistake: deleted, its counts reversed (staff). */
  deleteConsultation(consultationId: string): Observable<void> {
    return this.http.delete<void>(`/api/consultations/${consultationId}`);
  }

  deleteVisit(visitId: string): Observable<void> {
    return this.http.delete<void>(`/api/visits/${visitId}`);
  }

  addVisit(id: string, body: VisitRequest): Observable<Visit> {
    return this.http.post<Visit>(`${base(id)}/visits`, body);
  }

  consultations(query: {
    fiscalYear?: number;
    kind?: ConsultationKind | '';
    page?: number;
    pageSize?: number;
  }): Observable<Page<Consultation>> {
    return this.http.get<Page<Consultation>>('/api/consultations', { params: queryParams(query) });
  }

  visits(query: { fiscalYear?: number; page?: number; pageSize?: number }): Observable<Page<Visit>> {
    return this.http.get<Page<Visit>>('/api/visits', { params: queryParams(query) });
  }

  /** Upload with progress events; the file goes as it is (UTF-8 or CP932), the server detects which. */
  importCsv(file: Blob, options: { dryRun: boolean; skipInvalid: boolean }): Observable<HttpEvent<ImportResult>> {
    return this.http.post<ImportResult>('/api/members/import', file, {
      params: queryParams({ dryRun: options.dryRun || undefined, skipInvalid: options.skipInvalid || undefined }),
      headers: { 'Content-Type': 'text/csv' },
      reportProgress: true,
      observe: 'events',
    });
  }
}
