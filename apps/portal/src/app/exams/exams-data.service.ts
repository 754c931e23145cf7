import { HttpClient, HttpHeaders, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateExamSittingRequest,
  ExamApplication,
  ExamApplicationRequest,
  ExamApplicationResponse,
  ExamCancelResponse,
  ExamFeeStatus,
  ExamResultRequest,
  ExamResultsImportResponse,
  ExamSitting,
  ExamStatsRow,
  ExamType,
  PublicExamApplicationLookup,
  PublicExamApplicationRequest,
  PublicExamApplicationResponse,
  UpdateExamSittingRequest,
} from '@chamber/contracts';
import type { Observable } from 'rxjs';

const idem = (key: string) => new HttpHeaders({ 'Idempotency-Key': key });

/** Every call of the exams pages (same-origin `/api`; the cookie authenticates when signed in). */
@Injectable({ providedIn: 'root' })
export class ExamsDataService {
  private readonly http = inject(HttpClient);

  types(): Observable<ExamType[]> {
    return this.http.get<ExamType[]>('/api/exam-types');
  }

  sittings(query: { from?: string; fiscalYear?: number; examCode?: string } = {}): Observable<ExamSitting[]> {
    const params: Record<string, string | number> = {};
    if (query.from) params['from'] = query.from;
    if (query.fiscalYear) params['fiscalYear'] = query.fiscalYear;
    if (query.examCode) params['examCode'] = query.examCode;
    return this.http.get<ExamSitting[]>('/api/exams', { params });
  }

  sitting(id: string): Observable<ExamSitting> {
    return this.http.get<ExamSitting>(`/api/exams/${encodeURIComponent(id)}`);
  }

  create(body: CreateExamSittingRequest): Observable<ExamSitting> {
    return this.http.post<ExamSitting>('/api/exams', body);
  }

  update(id: string, body: UpdateExamSittingRequest): Observable<ExamSitting> {
    return this.http.patch<ExamSitting>(`/api/exams/${encodeURIComponent(id)}`, body);
  }

  apply(id: string, body: ExamApplicationRequest, key: string): Observable<ExamApplicationResponse> {
    return this.http.post<ExamApplicationResponse>(`/api/exams/${encodeURIComponent(id)}/applications`, body, {
      headers: idem(key),
    });
  }

  applyPublic(id: string, body: PublicExamApplicationRequest, key: string): Observable<PublicExamApplicationResponse> {
    return this.http.post<PublicExamApplicationResponse>(
      `/api/public/exams/${encodeURIComponent(id)}/applications`,
      body,
      { headers: idem(key) },
    );
  }

  myApplications(): Observable<ExamApplication[]> {
    return this.http.get<ExamApplication[]>('/api/exam-applications');
  }

  applicants(sittingId: string): Observable<ExamApplication[]> {
    return this.http.get<ExamApplication[]>(`/api/exams/${encodeURIComponent(sittingId)}/applications`);
  }

  cancel(id: string): Observable<ExamCancelResponse> {
    return this.http.post<ExamCancelResponse>(`/api/exam-applications/${encodeURIComponent(id)}/cancel`, {});
  }

  /** what a cancel link holds (the exam, its day, who), for the page to name before confirming */
  lookupByToken(cancelToken: string): Observable<PublicExamApplicationLookup> {
    return this.http.post<PublicExamApplicationLookup>('/api/public/exam-applications/lookup', { cancelToken });
  }

  cancelByToken(cancelToken: string): Observable<ExamCancelResponse> {
    return this.http.post<ExamCancelResponse>('/api/public/exam-applications/cancel', { cancelToken });
  }

  setFeeStatus(id: string, feeStatus: ExamFeeStatus): Observable<ExamApplication> {
    return this.http.patch<ExamApplication>(`/api/exam-applications/${encodeURIComponent(id)}`, { feeStatus });
  }

  recordResult(id: string, body: ExamResultRequest): Observable<ExamApplication> {
    return this.http.post<ExamApplication>(`/api/exam-applications/${encodeURIComponent(id)}/result`, body);
  }

  /** The file's bytes as they are (UTF-8, BOM or CP932): the API detects the encoding. */
  importResults(sittingId: string, file: Blob, dryRun: boolean): Observable<ExamResultsImportResponse> {
    return this.http.post<ExamResultsImportResponse>(
      `/api/exams/${encodeURIComponent(sittingId)}/results/import`,
      file,
      { params: dryRun ? { dryRun: 'true' } : {}, headers: new HttpHeaders({ 'Content-Type': 'text/csv' }) },
    );
  }

  download(sittingId: string, kind: 'csv-utf8' | 'csv-sjis' | 'xlsx'): Observable<HttpResponse<Blob>> {
    const path = kind === 'xlsx' ? 'applications.xlsx' : 'applications.csv';
    const params: Record<string, string> = kind === 'csv-sjis' ? { encoding: 'sjis' } : {};
    return this.http.get(`/api/exams/${encodeURIComponent(sittingId)}/${path}`, {
      params,
      observe: 'response',
      responseType: 'blob',
    });
  }

  stats(fiscalYear: number): Observable<ExamStatsRow[]> {
    return this.http.get<ExamStatsRow[]>('/api/exams/stats', { params: { fiscalYear } });
  }
}
