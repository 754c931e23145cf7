import { HttpClient, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AnnualReport,
  KpiHistory,
  PlanSummary,
  ReportNarrative,
  UpdateNarrativeRequest,
} from '@chamber/contracts';
import type { Observable } from 'rxjs';

/** One change of an item's narrative (GET …/narrative/history), newest first. */
export interface NarrativeChange {
  old: Partial<Record<'evaluation' | 'issues' | 'nextSteps', string>> | null;
  new: Partial<Record<'evaluation' | 'issues' | 'nextSteps', string>>;
  changedBy: string | null;
  changedByName?: string | null;
  changedAt: string;
}

/** What the annual report, KPI history and plan review pages read and write. */
@Injectable({ providedIn: 'root' })
export class ReportDataService {
  private readonly http = inject(HttpClient);

  plans(): Observable<PlanSummary[]> {
    return this.http.get<PlanSummary[]>('/api/plans');
  }

  annual(fiscalYear: number): Observable<AnnualReport> {
    return this.http.get<AnnualReport>('/api/reports/annual', { params: { fiscalYear } });
  }

  saveNarrative(fiscalYear: number, code: string, body: UpdateNarrativeRequest): Observable<ReportNarrative> {
    return this.http.put<ReportNarrative>(this.itemUrl(fiscalYear, code), body);
  }

  narrativeHistory(fiscalYear: number, code: string): Observable<NarrativeChange[]> {
    return this.http.get<NarrativeChange[]>(`${this.itemUrl(fiscalYear, code)}/history`);
  }

  kpiHistory(kpiId: string): Observable<KpiHistory> {
    return this.http.get<KpiHistory>(`/api/kpis/${encodeURIComponent(kpiId)}/history`);
  }

  /** The report as a file (xlsx or pdf), with its headers for the file name. */
  download(fiscalYear: number, format: 'xlsx' | 'pdf'): Observable<HttpResponse<Blob>> {
    return this.http.get(`/api/reports/annual.${format}`, {
      params: { fiscalYear },
      observe: 'response',
      responseType: 'blob',
    });
  }

  private itemUrl(fiscalYear: number, code: string): string {
    return `/api/reports/annual/${fiscalYear}/items/${encodeURIComponent(code)}/narrative`;
  }
}
