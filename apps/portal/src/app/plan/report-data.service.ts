import { HttpClient, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActionItemEdit,
  AnnualReport,
  KpiDefinition,
  KpiHistory,
  PlanSummary,
  PlanView,
  UpdateActionItemRequest,
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

  /** The plan in force for a fiscal year, with its items and KPI definitions. */
  planView(fiscalYear: number): Observable<PlanView> {
    return this.http.get<PlanView>('/api/plan', { params: { fiscalYear } });
  }

  /** Admins: the plan continued into the period after it (its items and KPIs copied). */
  continuePlan(planId: string, startFiscalYear: number): Observable<PlanView> {
    return this.http.post<PlanView>(`/api/plans/${encodeURIComponent(planId)}/continue`, { startFiscalYear });
  }

  updateItem(planId: string, code: string, body: UpdateActionItemRequest): Observable<ActionItemEdit> {
    return this.http.patch<ActionItemEdit>(
      `/api/plans/${encodeURIComponent(planId)}/items/${encodeURIComponent(code)}`,
      body,
    );
  }

  updateKpi(
    kpiId: string,
    body: { label?: { ja: string; en: string }; target?: number | null },
  ): Observable<KpiDefinition> {
    return this.http.patch<KpiDefinition>(`/api/kpis/${encodeURIComponent(kpiId)}`, body);
  }

  /** A new KPI on an action item of a plan (POST /api/plans/:id/kpis). */
  addKpi(
    planId: string,
    body: {
      actionItemCode: string;
      code: string;
      label: { ja: string; en: string };
      kind: string;
      target: number | null;
      unit: string;
      numerator: { measure: string }[];
    },
  ): Observable<KpiDefinition> {
    return this.http.post<KpiDefinition>(`/api/plans/${encodeURIComponent(planId)}/kpis`, body);
  }

  private itemUrl(fiscalYear: number, code: string): string {
    return `/api/reports/annual/${fiscalYear}/items/${encodeURIComponent(code)}/narrative`;
  }
}
