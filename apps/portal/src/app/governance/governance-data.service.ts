import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuditEntryView,
  AuditQuery,
  ErasePersonalDataResponse,
  MailTemplateKind,
  MailTemplatePreview,
  MailTemplateView,
  PersonalDataExport,
} from '@chamber/contracts';
import { map, type Observable } from 'rxjs';

function queryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}

/** The data-governance calls: the audit trail, personal data on request, mail templates. */
@Injectable({ providedIn: 'root' })
export class GovernanceDataService {
  private readonly http = inject(HttpClient);

  audit(query: AuditQuery): Observable<{ items: AuditEntryView[]; total: number }> {
    return this.http
      .get<AuditEntryView[]>('/api/audit', { params: queryParams(query), observe: 'response' })
      .pipe(map((res) => ({ items: res.body ?? [], total: Number(res.headers.get('X-Total-Count') ?? 0) })));
  }

  /** The CSV of the same filters (the session cookie signs the download in). */
  auditCsvUrl(query: AuditQuery, encoding: 'utf8' | 'sjis'): string {
    const params = queryParams({ ...query, page: undefined, pageSize: undefined, format: 'csv', encoding });
    return `/api/audit?${params.toString()}`;
  }

  personalData(email: string): Observable<PersonalDataExport> {
    return this.http.get<PersonalDataExport>('/api/personal-data', { params: { email } });
  }

  erasePersonalData(email: string): Observable<ErasePersonalDataResponse> {
    return this.http.post<ErasePersonalDataResponse>('/api/personal-data/erase', { email });
  }

  mailTemplates(): Observable<MailTemplateView[]> {
    return this.http.get<MailTemplateView[]>('/api/mail-templates');
  }

  saveMailTemplate(
    kind: MailTemplateKind,
    lang: string,
    body: { subject: string; body: string },
  ): Observable<MailTemplateView> {
    return this.http.put<MailTemplateView>(`/api/mail-templates/${kind}/${lang}`, body);
  }

  resetMailTemplate(kind: MailTemplateKind, lang: string): Observable<void> {
    return this.http.delete<void>(`/api/mail-templates/${kind}/${lang}`);
  }

  previewMailTemplate(
    kind: MailTemplateKind,
    lang: string,
    body: { subject: string; body: string },
  ): Observable<MailTemplatePreview> {
    return this.http.post<MailTemplatePreview>(`/api/mail-templates/${kind}/${lang}/preview`, body);
  }
}
